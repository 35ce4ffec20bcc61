import type { Actor, CommandContext } from '@relapse-watch/event-store-core';

/** Who asks for a change, and under which correlation id: the request's, the CLI run's, the seed's. */
export interface IdentityRequest {
  readonly actor: Actor;
  readonly correlationId: string;
  readonly now: Date;
}

/** The division a change belongs to when it has none of its own: a national client system. */
export const WHOLE_COUNTRY = '000000000000';

/** The command context of an identity change made within `divisionCode`. */
export function identityContext(request: IdentityRequest, divisionCode: string): CommandContext {
  return { now: request.now, actor: request.actor, correlationId: request.correlationId, divisionCode };
}

/** The actor of changes made at the command line by whoever runs it (an operator on the server). */
export const CLI_ACTOR: Actor = { userId: 'cli:operator', role: 'administrator' };

/** The actor of the demo users seeded into an empty embedded store. */
export const DEMO_SEED_ACTOR: Actor = { userId: 'system:demo-seed', role: 'system' };
