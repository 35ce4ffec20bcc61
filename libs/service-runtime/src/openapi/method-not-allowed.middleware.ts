import type { IncomingMessage, ServerResponse } from 'node:http';
import type { OpenAPIObject } from '@nestjs/swagger';
import type { ApiErrorBody } from '../errors/api-error';

const DOCUMENTED_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'trace'] as const;

/** A documented path template and the methods it answers (HEAD with GET, OPTIONS always). */
export interface RouteMethods {
  readonly template: string;
  readonly pattern: RegExp;
  readonly methods: ReadonlySet<string>;
}

/** The methods of every path of the document; `{name}` matches one path segment. */
export function routeMethodsOf(document: OpenAPIObject): readonly RouteMethods[] {
  return Object.entries(document.paths).map(([template, item]) => {
    const methods = new Set(
      DOCUMENTED_METHODS.filter((m) => (item as Record<string, unknown>)[m] !== undefined).map((m) => m.toUpperCase()),
    );
    if (methods.has('GET')) methods.add('HEAD');
    methods.add('OPTIONS');
    const source = template
      .split(/(\{[^}]+\})/)
      .map((part) => (/^\{[^}]+\}$/.test(part) ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
      .join('');
    // Express routes ignore case and a trailing slash unless told otherwise; so does this.
    return { template, pattern: new RegExp(`^${source}/?$`, 'i'), methods };
  });
}

/** The methods allowed on a request path, or null when no documented path matches it. */
export function allowedMethods(routes: readonly RouteMethods[], path: string): readonly string[] | null {
  const matching = routes.filter((route) => route.pattern.test(path));
  if (matching.length === 0) return null;
  const order = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'TRACE', 'OPTIONS'];
  const union = new Set(matching.flatMap((route) => [...route.methods]));
  return order.filter((method) => union.has(method));
}

/**
 * Answers a method a documented path does not declare with 405, an `Allow` header (RFC 9110)
 * and the common error body, instead of the 404 Express gives for an unmatched route; OPTIONS
 * on a documented path answers 204 with `Allow`. Paths the document lacks pass through (a 404
 * or the gateway's proxy). Mounted as Express middleware, ahead of every Nest route.
 */
export function methodNotAllowedMiddleware(document: OpenAPIObject) {
  const routes = routeMethodsOf(document);
  return (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    const method = (req.method ?? 'GET').toUpperCase();
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const allowed = allowedMethods(routes, path);
    if (allowed === null || (allowed.includes(method) && method !== 'OPTIONS')) return next();
    res.setHeader('Allow', allowed.join(', '));
    if (method === 'OPTIONS') {
      res.statusCode = 204;
      res.end();
      return;
    }
    const body: ApiErrorBody = {
      code: 'request.method-not-allowed',
      message: `该路径不支持 ${method} 方法 / ${method} is not allowed here; allowed: ${allowed.join(', ')}`,
    };
    const json = JSON.stringify(body);
    res.statusCode = 405;
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.setHeader('Content-Length', Buffer.byteLength(json));
    res.end(method === 'HEAD' ? undefined : json);
  };
}
