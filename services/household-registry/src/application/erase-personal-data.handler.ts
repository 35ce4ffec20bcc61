import {
  handleCommand,
  type CommandContext,
  type CommandResult,
  type EventStore,
} from '@relapse-watch/event-store-core';
import type { ErasePersonalData } from '../domain/household/household.commands';
import { householdDecider, householdStreamId } from '../domain/household/household.decider';
import type { HouseholdEvent } from '../domain/household/household.events';
import type { HouseholdState } from '../domain/household/household.state';

/**
 * Destroys a household's data key (the key store's tombstone keeps who, when and why). The
 * process's `PersonalDataVault` is one: the one its event store seals with, so this process reads
 * the household as erased at once.
 */
export interface PersonalDataEraser {
  erase(erasure: {
    readonly subjectId: string;
    readonly erasedAt: string;
    readonly reason: string;
    readonly erasedBy: { readonly userId: string; readonly role: string };
  }): Promise<'erased' | 'already-erased' | 'unknown'>;
}

/** What {@link erasePersonalData} did: the command's result and what the key store answered. */
export type ErasureResult = CommandResult<HouseholdEvent, HouseholdState> & {
  readonly key: 'erased' | 'already-erased' | 'unknown';
};

/**
 * Erases a household's personal data (PIPL, crypto-shredding): records who, when and why in the
 * household's stream, then destroys its data key. The event first: a crash between the two leaves
 * the record saying "erased" while the key lives, and re-running the erasure (a no-op on the
 * stream) destroys it; the other order would leave people unreadable with no record of why.
 * Both steps are idempotent, so a retry is always safe.
 */
export async function erasePersonalData(
  deps: { readonly store: EventStore; readonly eraser: PersonalDataEraser },
  householdId: string,
  reason: string,
  ctx: CommandContext,
): Promise<ErasureResult> {
  const command: ErasePersonalData = {
    type: 'ErasePersonalData',
    data: { reason },
    facts: { now: ctx.now.toISOString(), erasedBy: { userId: ctx.actor.userId, role: ctx.actor.role } },
  };
  const result = await handleCommand(deps.store, householdStreamId(householdId), householdDecider, command, ctx);
  // The first erasure's time, also on a retry: the tombstone and the event agree.
  const erasedAt = result.state.kind === 'registered' ? result.state.personalDataErasedAt : undefined;
  const key = await deps.eraser.erase({
    subjectId: householdId,
    erasedAt: erasedAt ?? command.facts.now,
    reason: reason.trim(),
    erasedBy: command.facts.erasedBy,
  });
  return { ...result, key };
}
