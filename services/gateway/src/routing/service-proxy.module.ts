import type { IncomingMessage, ServerResponse } from 'node:http';
import { Inject, Module, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import {
  ACCESS_TOKEN_KEYS,
  ACCESS_TOKEN_REVOCATIONS,
  AccessTokenVerifier,
  ApiError,
  CORRELATION_ID_HEADER,
  currentCorrelationId,
  toErrorResponse,
  type AccessTokenKeys,
  type AccessTokenRevocations,
} from '@relapse-watch/service-runtime';
import { createProxyMiddleware, fixRequestBody } from 'http-proxy-middleware';
import { refuseRevokedTokens } from './revoked-token.gate';
import { GATEWAY_ROUTES, loadGatewayRoutes, type GatewayRoutes } from './routing.config';

/**
 * Distributed mode: forwards each context's API prefix to the context's own process, path
 * unchanged, with the request's correlation id so both processes log one id. The JSON body was
 * already parsed (and size-checked) by the gateway, so it is re-serialised for the upstream.
 * An upstream that does not answer is a 503 in the common error body, never a hang or a 500.
 * A token signed out at this gateway is refused here, before forwarding (see refuseRevokedTokens).
 */
@Module({ providers: [{ provide: GATEWAY_ROUTES, useFactory: () => loadGatewayRoutes() }] })
export class ServiceProxyModule implements NestModule {
  constructor(
    @Inject(GATEWAY_ROUTES) private readonly routes: GatewayRoutes,
    @Inject(ACCESS_TOKEN_KEYS) private readonly keys: AccessTokenKeys,
    @Inject(ACCESS_TOKEN_REVOCATIONS) private readonly revocations: AccessTokenRevocations,
  ) {}

  configure(consumer: MiddlewareConsumer): void {
    const gate = refuseRevokedTokens(new AccessTokenVerifier(this.keys.verifying), this.revocations);
    for (const route of this.routes.services) {
      const proxy = createProxyMiddleware<IncomingMessage, ServerResponse>({
        target: route.target,
        // The path as the client sent it: a mount point may have stripped the prefix from req.url.
        pathRewrite: (_path, req) => (req as IncomingMessage & { originalUrl: string }).originalUrl,
        proxyTimeout: 60_000,
        on: {
          proxyReq: (proxyReq, req) => {
            proxyReq.setHeader(CORRELATION_ID_HEADER, currentCorrelationId() ?? '');
            fixRequestBody(proxyReq, req as IncomingMessage & { body?: unknown });
          },
          error: (_error, _req, res) => {
            const { status, body } = toErrorResponse(
              new ApiError(503, {
                code: 'upstream.unavailable',
                message: '后端服务暂不可用 / the service behind this path is unavailable',
              }),
            );
            if (!('writeHead' in res) || res.headersSent) return void res.destroy();
            res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
          },
        },
      });
      consumer.apply(gate, proxy).forRoutes(`${route.prefix}/{*path}`, route.prefix);
    }
  }
}
