import type { Principal } from '@relapse-watch/access';
import type { CommandRequest } from '@relapse-watch/service-runtime';
import { callerOf } from '@relapse-watch/access';
import { type RequestContext } from '@relapse-watch/service-runtime';

/** The command context of a request: its headers, and the verified principal it runs for (and records as actor). */
export function commandContextFor(request: CommandRequest, principal: Principal): RequestContext {
  return {
    caller: callerOf(principal),
    correlationId: request.correlationId,
    ...(request.idempotencyKey === undefined ? {} : { idempotencyKey: request.idempotencyKey }),
    ...(request.expectedRevision === undefined ? {} : { expectedRevision: request.expectedRevision }),
  };
}
