import { ConfigError, maskValue } from '@relapse-watch/service-runtime';

/** Injection token of the {@link GatewayRoutes}. */
export const GATEWAY_ROUTES = Symbol.for('relapse-watch.gateway-routes');

/** A context the gateway forwards to its own process in distributed mode. */
export interface ServiceRoute {
  /** Path prefix, e.g. `/api/registry`. */
  readonly prefix: string;
  /** Base URL of the service process, e.g. `http://household-registry:3001`. */
  readonly target: string;
}

/** Where each context's API lives. Empty in embedded mode: the contexts run in the gateway's own process. */
export interface GatewayRoutes {
  readonly services: readonly ServiceRoute[];
}

/** Variables naming each context's process, and the path it serves. */
const SERVICE_VARIABLES: readonly (readonly [variable: string, prefix: string])[] = [
  ['REGISTRY_URL', '/api/registry'],
  ['INSPECTION_URL', '/api/inspection'],
  ['ASSISTANCE_URL', '/api/assistance'],
  ['REPORTING_URL', '/api/reporting'],
];

/**
 * Reads the routes: the one place the gateway reads `process.env` for them. A context whose
 * variable is unset is served in-process (embedded mode) or not at all.
 * @throws ConfigError for a value that is not an http(s) URL without path, query or credentials.
 */
export function loadGatewayRoutes(env: Readonly<Record<string, string | undefined>> = process.env): GatewayRoutes {
  const services: ServiceRoute[] = [];
  for (const [variable, prefix] of SERVICE_VARIABLES) {
    const value = env[variable]?.trim();
    if (!value) continue;
    let url: URL | undefined;
    try {
      url = new URL(value);
    } catch {
      url = undefined;
    }
    if (
      url === undefined ||
      !['http:', 'https:'].includes(url.protocol) ||
      url.username ||
      url.password ||
      url.search ||
      (url.pathname !== '/' && url.pathname !== '')
    ) {
      throw new ConfigError(
        variable,
        '须为服务的 http(s) 地址，如 http://household-registry:3001 / must be the service’s http(s) URL, e.g. http://household-registry:3001',
        maskValue(value),
      );
    }
    services.push({ prefix, target: url.origin });
  }
  return { services };
}
