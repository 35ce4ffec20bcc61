import { Module } from '@nestjs/common';
import { fixedOffsetClock, type Clock } from '@relapse-watch/domain-kernel';
import { RUNTIME_CONFIG, type RuntimeConfig } from '@relapse-watch/service-runtime';
import { INSPECTION_CONFIG, loadInspectionConfig } from '../config/inspection.config';
import { INSPECTION_CLOCK } from './inspection.tokens';

/**
 * The inspection service (issue 11): the yearly concentrated inspection — campaigns, working
 * groups, teams, household inspections over the seven areas, the rules' suggestions — under
 * `/api/inspection`. Like the registry it needs only what the service runtime provides, so the
 * same module runs inside the embedded process and as its own process in distributed mode.
 */
@Module({
  controllers: [],
  providers: [
    {
      provide: INSPECTION_CONFIG,
      useFactory: (runtime: RuntimeConfig) => loadInspectionConfig(runtime.mode),
      inject: [RUNTIME_CONFIG],
    },
    {
      // The time zone is the runtime's (TIME_ZONE_OFFSET); the one clock every use case reads.
      provide: INSPECTION_CLOCK,
      useFactory: (runtime: RuntimeConfig): Clock => fixedOffsetClock(runtime.utcOffsetMinutes),
      inject: [RUNTIME_CONFIG],
    },
  ],
  exports: [INSPECTION_CONFIG, INSPECTION_CLOCK],
})
export class InspectionModule {}
