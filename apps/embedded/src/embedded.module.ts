import { Module } from '@nestjs/common';
import { AppModule as GatewayModule } from '@relapse-watch/gateway';
import { RegistryModule } from '@relapse-watch/household-registry';

/**
 * The embedded mode (DESIGN.md "Runtime modes"): the gateway and every domain context in one
 * process, on the SQLite files and the in-process bus — what `npm start` runs. Each context is
 * the same module its own process runs in distributed mode; only this composition differs.
 */
@Module({ imports: [GatewayModule, RegistryModule] })
export class EmbeddedModule {}
