import { randomUUID } from 'node:crypto';
import { DomainError, fixedOffsetClock } from '@relapse-watch/domain-kernel';
import { erasePersonalData } from '../application/erase-personal-data.handler';
import { householdStreamId } from '../domain/household/household.decider';
import type { CliIo } from './cli-io';
import { chosenEventStore, cliRuntimeConfig } from './cli-config';
import { openEventStoreTarget } from './event-store.option';
import { sealingEventStore } from './personal-data.option';
import { chosenPersonalData } from './cli-config';

/** Options of `relapse-watch privacy erase`, as commander parsed them. */
export interface PrivacyEraseOptions {
  readonly household: string;
  readonly reason: string;
  /** Who asks (recorded with the erasure); default the operating-system user. */
  readonly by?: string;
  readonly eventStore?: string;
}

/**
 * Erases a household's personal data from the operator's shell: the erasure recorded in the
 * household's stream (who, when, why), then its data key destroyed in the key store the server
 * uses. The same use case as the administrator's route; running it again changes nothing.
 */
export async function privacyErase(options: PrivacyEraseOptions, io: CliIo): Promise<void> {
  const chosen = chosenEventStore(options.eventStore, io);
  const runtime = cliRuntimeConfig(io);
  io.err(`事件库 / event store: ${chosen.label}（来自 / from ${chosen.from}）`);
  const inner = await openEventStoreTarget(chosen.target, chosen.from, 'FULL');
  const sealing = await sealingEventStore(inner, chosenPersonalData(chosen, io)).catch(async (error: unknown) => {
    await inner.close();
    throw error;
  });
  try {
    const householdId = options.household.trim();
    const villageCode = await villageOf(sealing.store, householdId);
    const by = options.by?.trim() || io.env?.['USER'] || 'operator';
    const result = await erasePersonalData(
      { store: sealing.store, eraser: sealing.vault },
      householdId,
      options.reason,
      {
        now: fixedOffsetClock(runtime.utcOffsetMinutes).now(),
        actor: { userId: `cli:${by}`, role: 'administrator' },
        divisionCode: villageCode,
        correlationId: randomUUID(),
      },
    );
    const again = result.events.length === 0;
    io.out(
      again
        ? `该户个人信息此前已删除，未重复记录 / the household’s personal data was already erased; nothing recorded again (key: ${result.key})`
        : `已删除该户个人信息 / erased the household’s personal data: ${householdId} (key: ${result.key})`,
    );
  } finally {
    await sealing.close();
  }
}

/** The household's village, for the event's tenant; an unknown household is refused before anything is written. */
async function villageOf(
  store: { readStream: (id: string, o: { maxCount: number }) => AsyncIterable<{ data: unknown }> },
  householdId: string,
): Promise<string> {
  for await (const first of store.readStream(householdStreamId(householdId), { maxCount: 1 }))
    return (first.data as { villageCode: string }).villageCode;
  throw new DomainError({
    code: 'household.not-registered',
    field: 'household',
    message: '该户尚未登记 / The household is not registered',
  });
}
