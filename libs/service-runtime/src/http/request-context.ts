import type { Clock } from '@relapse-watch/domain-kernel';
import type { CommandContext } from '@relapse-watch/event-store-core';
import { actorOfCaller, callerOf, type Caller, type Principal } from '@relapse-watch/access';
import type { CommandRequest } from './command-request';

/**
 * A command context before the service places it: the tenant division (a campaign's province,
 * a team's township, a case's village) is the service's to know. Without `now` the service's clock gives it; the
 * caller is checked before anything is written, and is the actor the events record.
 */
export type RequestContext = Omit<CommandContext, 'divisionCode' | 'now' | 'actor'> & {
  readonly now?: Date;
  readonly caller: Caller;
};

/** The command context of a request in `divisionCode`, at one instant (today and `occurredAt` never straddle midnight). */
export function placedContext(ctx: RequestContext, divisionCode: string, clock: Clock): CommandContext {
  const { caller, now, ...rest } = ctx;
  return { ...rest, now: now ?? clock.now(), actor: actorOfCaller(caller), divisionCode };
}

/** The same context without its idempotency key: for a second stream a command touches (its key's ids are the first stream's). */
export function withoutKey(ctx: CommandContext): CommandContext {
  return { ...ctx, idempotencyKey: undefined };
}

/** The command context of a request: its headers, and the verified principal it runs for (and records as actor). */
export function commandContextFor(request: CommandRequest, principal: Principal): RequestContext {
  return {
    caller: callerOf(principal),
    correlationId: request.correlationId,
    ...(request.causationId === undefined ? {} : { causationId: request.causationId }),
    ...(request.idempotencyKey === undefined ? {} : { idempotencyKey: request.idempotencyKey }),
    ...(request.expectedRevision === undefined ? {} : { expectedRevision: request.expectedRevision }),
  };
}
