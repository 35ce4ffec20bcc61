import { Module, type DynamicModule } from '@nestjs/common';
import { DemoUsersModule, AppModule as GatewayModule } from '@relapse-watch/gateway';
import { DemoSeedModule, RegistryModule } from '@relapse-watch/household-registry';
import { AssistanceModule } from '@relapse-watch/assistance';
import { InspectionModule } from '@relapse-watch/inspection';
import { ReportingModule } from '@relapse-watch/reporting';

/** Options of the embedded app. */
export interface EmbeddedOptions {
  /**
   * Seed a generated county and one user per role into an empty store (`npm start`), printing
   * the users' one-time passwords once; false with `--no-demo`.
   */
  readonly demo: boolean;
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
        ...(options.demo ? [DemoSeedModule, DemoUsersModule] : []),
      ],
    };
  }
}
