import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet from 'helmet';

/**
 * helmet's headers on every response, errors included. The Content Security Policy is helmet's
 * default, tightened for an API and checked against the Swagger UI at `/docs`: its scripts and
 * stylesheet are files of our own origin (`'self'`), its two `<style>` blocks are inline
 * (`'unsafe-inline'` for styles only; scripts stay `'self'`), its icons are `data:` images.
 * No `upgrade-insecure-requests`: the embedded mode serves plain HTTP on 127.0.0.1 and the
 * browser would otherwise ask for the UI's assets over HTTPS and get nothing. HSTS stays
 * (browsers honour it only over HTTPS, i.e. behind the TLS proxy of a real deployment).
 */
export function securityHeadersMiddleware(): (
  req: IncomingMessage,
  res: ServerResponse,
  next: (error?: unknown) => void,
) => void {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'base-uri': ["'self'"],
        'connect-src': ["'self'"],
        'font-src': ["'self'", 'data:'],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
        'img-src': ["'self'", 'data:'],
        'object-src': ["'none'"],
        'script-src': ["'self'"],
        'script-src-attr': ["'none'"],
        'style-src': ["'self'", "'unsafe-inline'"],
      },
    },
    // Nothing here is meant to be framed, by anyone.
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
  });
}
