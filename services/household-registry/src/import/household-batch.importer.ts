import { DuplicateEventId, MultiStreamAppendNotSupported, WrongExpectedRevision } from '@relapse-watch/event-store-core';
import { FastPathAbandoned, importHouseholdGroup, type GroupImportContext, type GroupOutcome, type RowGroup } from './household-group.importer';
import { ImportCaptureStore } from './import-capture.store';

/**
 * The import's fast path: a batch of households decided in memory and written in ONE atomic
 * multi-stream append, instead of about eleven appends (each awaiting a group commit) per
 * household.
 *
 * Each household runs through the very same handlers as the command path
 * ({@link importHouseholdGroup}), against an {@link ImportCaptureStore} in which every stream
 * starts empty; so its events — deterministic ids from the idempotency keys, metadata, data —
 * are exactly the ones the command path would append to a store without those streams. The
 * batch's streams are then appended with `expectedRevision: 'no_stream'` each, all or nothing:
 * if any of them exists (a re-run, a resumed import, a person already in another household, a
 * number taken), nothing is written and the whole batch goes through the command path — the
 * correctness reference — household by household. So does a household whose outcome depends on
 * the store's contents (a refusal by the handlers, no head row: see
 * {@link GroupImportContext.abandonOnRefusal}), after the batch is written; and every household
 * when the store cannot append atomically (`MultiStreamAppendNotSupported`).
 *
 * `onDone` gets each household's outcome once its events are in the store.
 */
export async function importHouseholdBatch(
  groups: readonly RowGroup[],
  ctx: GroupImportContext,
  onDone: (group: RowGroup, outcome: GroupOutcome) => void,
): Promise<void> {
  const capture = new ImportCaptureStore();
  const captureCtx: GroupImportContext = { ...ctx, store: capture, forget: undefined, abandonOnRefusal: true };
  let decided: { group: RowGroup; outcome: GroupOutcome }[] = [];
  let alone: readonly RowGroup[] = [];
  const abandoned: RowGroup[] = [];
  for (const group of groups) {
    capture.begin();
    try {
      decided.push({ group, outcome: await importHouseholdGroup(group, captureCtx) });
    } catch (error) {
      if (!(error instanceof FastPathAbandoned)) throw error;
      capture.rollback();
      abandoned.push(group);
    }
  }
  alone = abandoned;
  const appends = capture.streamAppends();
  if (appends.length > 0) {
    try {
      await ctx.store.appendToStreams(appends);
    } catch (error) {
      if (!(error instanceof WrongExpectedRevision || error instanceof DuplicateEventId || error instanceof MultiStreamAppendNotSupported)) throw error;
      decided = [];
      alone = groups;
    }
  }
  for (const { group, outcome } of decided) onDone(group, outcome);
  // The command path, households side by side as the per-household import runs them.
  await Promise.all(alone.map(async (group) => onDone(group, await importHouseholdGroup(group, ctx))));
}
