import { Module, type DynamicModule } from '@nestjs/common';
import { DemoUsersModule, AppModule as GatewayModule } from '@relapse-watch/gateway';
import { DemoSeedModule, RegistryModule } from '@relapse-watch/household-registry';
import { AssistanceModule } from '@relapse-watch/assistance';
import { InspectionModule } from '@relapse-watch/inspection';
import { ReportingModule } from '@relapse-watch/reporting';
import { DemoActivityModule } from './demo/demo-activity.module';

/**
 * What an empty store gets at start: nothing (`--no-demo`), the demo county's households and one
 * user per role (`--demo=households`), or those and the county's activity — the current year's
 * campaign, visits, findings and caseload (the default).
 */
export type DemoLevel = 'none' | 'households' | 'full';

/** Options of the embedded app. */
export interface EmbeddedOptions {
  /**
   * What to seed into an empty store (`npm start`), printing the demo users' one-time passwords
   * once; `none` with `--no-demo`.
   */
  readonly demo: DemoLevel;
}

/**
 * The embedded mode (DESIGN.md "Runtime modes"): the gateway and every domain context in one
 * process, on the SQLite files and the in-process bus — what `npm start` runs. Each context is
 * the same module its own process runs in distributed mode; only this composition differs.
 */
@Module({})
export class EmbeddedModule {
  static forRoot(options: EmbeddedOptions): DynamicModule {
    return {
      module: EmbeddedModule,
      imports: [
        GatewayModule,
        RegistryModule,
        InspectionModule,
        AssistanceModule,
        ReportingModule,
        ...(options.demo === 'none' ? [] : [DemoSeedModule, DemoUsersModule]),
        ...(options.demo === 'full' ? [DemoActivityModule] : []),
      ],
    };
  }
}
