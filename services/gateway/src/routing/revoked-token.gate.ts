import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  toErrorResponse,
  Unauthenticated,
  type AccessTokenRevocations,
  type AccessTokenVerifier,
} from '@relapse-watch/service-runtime';

const BEARER = /^Bearer (\S+)$/;

/**
 * Distributed mode: the services verify tokens themselves but cannot know of a sign-out, which
 * only the gateway sees. So before forwarding, the gateway refuses a token it has revoked (and
 * one that does not verify, sparing the service the work) with the same 401 bodies the services
 * give. A request without a token passes: the service decides whether its route is public.
 */
export function refuseRevokedTokens(verifier: AccessTokenVerifier, revocations: AccessTokenRevocations) {
  return (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void): void => {
    const header = req.headers.authorization;
    if (header === undefined) return next();
    const token = BEARER.exec(header.trim())?.[1];
    const checked =
      token === undefined ? Promise.reject(new Unauthenticated('auth.token-invalid')) : verifier.verify(token);
    checked
      .then((verified) => {
        if (revocations.isRevoked(verified.jti)) throw new Unauthenticated('auth.token-revoked');
        next();
      })
      .catch((error: unknown) => {
        const { status, body } = toErrorResponse(error);
        res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
      });
  };
}
