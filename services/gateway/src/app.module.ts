import { Module } from '@nestjs/common';
import { SystemModule } from './system/system.module';

/**
 * The gateway's own modules. The runtime (config, event store, health, metrics, logging,
 * errors, OpenAPI, shutdown) is added around it by `createServiceApp`, so a domain context
 * joins by adding its module here; its routes live under `api/<context>/…`.
 */
@Module({ imports: [SystemModule] })
export class AppModule {}
