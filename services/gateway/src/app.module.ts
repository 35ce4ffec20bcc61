import { Module } from '@nestjs/common';
import { ServiceProxyModule } from './routing/service-proxy.module';
import { EventDocsModule } from './event-docs/event-docs.module';
import { IdentityModule } from './identity/identity.module';
import { SystemModule } from './system/system.module';
import { WebAppModule } from './web-app/web-app.module';

/**
 * The gateway's own modules. The runtime (config, event store, health, metrics, logging,
 * errors, OpenAPI, shutdown) is added around it by `createServiceApp`. The domain contexts are
 * not imported here (a service never imports another): the embedded app (apps/embedded) puts
 * them next to this module in one process; in distributed mode `ServiceProxyModule` forwards
 * `api/<context>/…` to each context's own process. `WebAppModule` serves the dashboard at `/`.
 */
@Module({ imports: [SystemModule, IdentityModule, ServiceProxyModule, EventDocsModule, WebAppModule] })
export class AppModule {}
