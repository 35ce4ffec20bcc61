import type { ErasePersonalData } from './household.commands';
import { householdError } from './household.errors';
import type { HouseholdEvent } from './household.events';
import type { HouseholdState } from './household.state';

// Control characters would break the one-line logs and audit views the reason appears in.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * ErasePersonalData: records who erased the household's personal data, when and why. Erasing
 * again is a no-op (the first record stands), so a re-sent command or a retried CLI run writes
 * nothing; the handler destroys the key either way (the key store keeps its first tombstone).
 */
export function erasePersonalData(command: ErasePersonalData, state: HouseholdState): readonly HouseholdEvent[] {
  if (state.kind !== 'registered') throw householdError('household.not-registered');
  const reason = command.data.reason;
  if (typeof reason !== 'string' || reason.trim() === '' || reason.length > 500 || CONTROL.test(reason))
    throw householdError('household.erasure-reason', 'reason');
  if (state.personalDataErasedAt !== undefined) return [];
  const { now, erasedBy } = command.facts;
  return [
    {
      type: 'HouseholdPersonalDataErased',
      data: {
        householdId: state.householdId,
        reason: reason.trim(),
        erasedBy: { userId: erasedBy.userId, role: erasedBy.role },
        erasedAt: now,
      },
    },
  ];
}
