import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RuntimeMetrics } from './runtime.metrics';

interface RoutedRequest extends IncomingMessage {
  readonly baseUrl?: string;
  readonly route?: { readonly path?: string };
}

/**
 * The route template an Express request matched (`/api/households/:id`), or `unmatched` for
 * 404s and requests refused before routing: raw paths would make one time series per id.
 */
export function routeTemplate(req: IncomingMessage): string {
  const { baseUrl, route } = req as RoutedRequest;
  return typeof route?.path === 'string' ? `${baseUrl ?? ''}${route.path}` : 'unmatched';
}

/**
 * Express-level middleware recording every finished request in the HTTP duration histogram —
 * including those refused by the body parser or not routed at all, which a Nest interceptor
 * would never see.
 */
export function httpMetricsMiddleware(metrics: RuntimeMetrics) {
  return (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    const stopTimer = metrics.httpRequestDuration.startTimer();
    res.once('finish', () =>
      stopTimer({ method: req.method ?? 'UNKNOWN', route: routeTemplate(req), status: String(res.statusCode) }),
    );
    next();
  };
}
