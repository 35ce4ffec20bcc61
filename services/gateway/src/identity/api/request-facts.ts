import type { IncomingMessage } from 'node:http';
import { randomUUID } from 'node:crypto';
import { currentCorrelationId } from '@relapse-watch/service-runtime';
import type { SignInRequest } from '../application/sign-in.service';

/** The request as Express hands it over: `ip` is its own. */
export type HttpRequest = IncomingMessage & { readonly ip?: string };

/** The address, correlation id and time of a request, for sign-in and the events it records. */
export function requestFacts(req: HttpRequest): SignInRequest {
  return {
    // The socket's address: behind a reverse proxy, Express's `trust proxy` would be set so that
    // X-Forwarded-For from that proxy (and only it) counts.
    address: req.ip ?? req.socket.remoteAddress ?? 'unknown',
    correlationId: currentCorrelationId() ?? randomUUID(),
    now: new Date(),
  };
}
