import { BatchDispatch } from '@relapse-watch/sheet-io';
import { importHouseholdBatch } from './household-batch.importer';
import {
  importHouseholdGroup,
  type GroupImportContext,
  type GroupOutcome,
  type RowGroup,
} from './household-group.importer';

/** Rows per fast-path batch at most, so one multi-stream append stays a few thousand events. */
const MAX_BATCH_ROWS = 2_000;

/**
 * Sends households to the store with bounded work in flight (sheet-io's `BatchDispatch`): in
 * batches of `batchHouseholds` for the fast path, or one by one through the handlers when
 * `batchHouseholds` is 1.
 */
export function householdDispatch(
  ctx: GroupImportContext,
  batchHouseholds: number,
  concurrency: number,
  onDone: (group: RowGroup, outcome: GroupOutcome) => void,
): BatchDispatch<RowGroup> {
  return new BatchDispatch<RowGroup>({
    batchUnits: batchHouseholds,
    maxBatchRows: MAX_BATCH_ROWS,
    concurrency,
    run: (groups) =>
      batchHouseholds === 1
        ? importHouseholdGroup(groups[0], ctx).then((outcome) => onDone(groups[0], outcome))
        : importHouseholdBatch(groups, ctx, onDone),
  });
}
