import type { Caller, CallerActor } from '@relapse-watch/access';
import type { RequestContext } from '@relapse-watch/service-runtime';

/**
 * Who the demo's commands run as: the seeding itself, as an operator (every area), recorded on
 * every event as `system:demo-seed` — the actor of the demo users and households too — so the
 * audit trail says which history the demo made up.
 */
export const DEMO_ACTOR: CallerActor = { userId: 'system:demo-seed', role: 'system' };

/** The demo seeding as the caller of the contexts' use cases. */
export const DEMO_CALLER: Caller = { kind: 'operator', actor: DEMO_ACTOR };

/** The request context of a demo step on `now`, under one correlation id per run, with its idempotency key. */
export function demoContext(correlationId: string, now: Date, idempotencyKey?: string): RequestContext {
  return {
    caller: DEMO_CALLER,
    correlationId,
    now,
    ...(idempotencyKey === undefined ? {} : { idempotencyKey }),
  };
}
