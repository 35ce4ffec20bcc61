import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiErrorBody } from '../errors/api-error';
import { CORRELATION_ID_HEADER } from '../logging/correlation-id.context';

/** Methods a page of an allowed origin may use; the API has no others. */
const ALLOWED_METHODS = 'GET, HEAD, POST, PUT, PATCH, DELETE';

/** Request headers the API reads: the token, JSON, and its own command and read headers. */
const ALLOWED_HEADERS = 'Authorization, Content-Type, Idempotency-Key, If-Match, X-Min-Position, X-Correlation-Id';

/** How long a browser may reuse a preflight answer: short, so a removed origin loses access soon. */
const PREFLIGHT_MAX_AGE_SECONDS = 600;

/**
 * CORS for the origins of `CORS_ORIGINS` only. A request from an allowed origin gets
 * `Access-Control-Allow-Origin` naming that origin (never `*`) and may read the correlation id;
 * a preflight from it is answered 204 here. A preflight from any other origin is refused with
 * 403 and no CORS header, so the browser never sends the real request; a simple request from
 * another origin is served as it would be without CORS, and the browser hides the answer from
 * the page. Credentials (cookies) are not allowed: the API authenticates with a bearer token.
 * With no origin configured this middleware is not mounted and no CORS header is ever sent.
 */
export function corsMiddleware(origins: readonly string[]) {
  const allowed = new Set(origins);
  return (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    const origin = req.headers.origin;
    res.appendHeader('Vary', 'Origin');
    const isAllowed = origin !== undefined && allowed.has(origin.toLowerCase());
    const preflight = req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined;
    if (isAllowed) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Access-Control-Expose-Headers', CORRELATION_ID_HEADER);
    }
    if (!preflight) return next();
    if (!isAllowed) return refusePreflight(res);
    res.setHeader('Access-Control-Allow-Methods', ALLOWED_METHODS);
    res.setHeader('Access-Control-Allow-Headers', ALLOWED_HEADERS);
    res.setHeader('Access-Control-Max-Age', String(PREFLIGHT_MAX_AGE_SECONDS));
    res.statusCode = 204;
    res.end();
  };
}

function refusePreflight(res: ServerResponse): void {
  const body: ApiErrorBody = {
    code: 'cors.origin-not-allowed',
    message: '该来源不在允许的跨域来源列表中 / this origin is not in the CORS allow-list',
    field: 'Origin',
  };
  const json = JSON.stringify(body);
  res.statusCode = 403;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', Buffer.byteLength(json));
  res.end(json);
}
