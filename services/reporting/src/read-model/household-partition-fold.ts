import type { LogRow } from '@relapse-watch/event-store-core';
import type { Counters } from '../domain/counters';
import { foldReportEvent, householdOfEvent, settleHouseholds } from '../domain/reporting-fold';
import { ReportingState } from '../domain/reporting-state';
import { reportEventOfParts, reportEventOfRow } from '../inbox/inbox-log';
import type { ReportEvent } from '../domain/report-event';
import { partitionOf } from './household-partition';
import { storedHouseholdOf } from './tier-summary.projector';

/** Which households a {@link HouseholdPartitionFold} folds. */
export interface PartitionSettings {
  readonly partition: number;
  readonly partitions: number;
  readonly utcOffsetMinutes: number;
  /** Hand out each household as its data's JSON text (a store that writes JSON text), else as its data. */
  readonly jsonText: boolean;
}

/**
 * Log rows as a folding thread is sent them: cheaper to copy between threads than one array per
 * row. A household's facts read only the type and data; context events come with the rest.
 */
export interface RowBatch {
  readonly positions: Float64Array;
  readonly types: readonly string[];
  /** The rows' data as one JSON array text (the stored texts joined). */
  readonly dataJson: string;
  /** Index in the batch, stream id, event id and metadata JSON of each context event. */
  readonly contexts: readonly (readonly [number, string, string, string])[];
}

/** Builds a {@link RowBatch} row by row. */
export class RowBatchBuilder {
  private positions: number[] = [];
  private types: string[] = [];
  private data: string[] = [];
  private contexts: [number, string, string, string][] = [];

  get length(): number {
    return this.positions.length;
  }

  /** Adds a row; `whole` keeps its stream id, event id and metadata (a context event). */
  add(row: LogRow, whole: boolean): void {
    if (whole) this.contexts.push([this.positions.length, row[1], row[2], row[5]]);
    this.positions.push(row[0]);
    this.types.push(row[3]);
    this.data.push(row[4]);
  }

  /** The batch, and starts a new one. */
  take(): RowBatch {
    const batch: RowBatch = {
      positions: Float64Array.from(this.positions),
      types: this.types,
      dataJson: `[${this.data.join(',')}]`,
      contexts: this.contexts,
    };
    this.positions = [];
    this.types = [];
    this.data = [];
    this.contexts = [];
    return batch;
  }
}

/** What a partition adds to the units. */
export interface PartitionTotals {
  readonly names: string[];
  readonly codes: string[];
  readonly values: Float64Array[];
  /** CPU seconds of the thread that folded it, when it had one. */
  readonly cpuSeconds?: number;
}

/** Counts only what households add (a village's own counts are the context fold's). */
class PartitionState extends ReportingState {
  countingUnits = false;
  /** When set, what the next settle settles (a chunk of the households left). */
  settling: string[] | null = null;

  constructor() {
    super(true);
  }

  override takeUnsettled(): string[] {
    if (this.settling === null) return super.takeUnsettled();
    const chunk = this.settling;
    this.settling = null;
    return chunk;
  }

  override addToUnits(villageCode: string, delta: Counters): void {
    if (this.countingUnits) super.addToUnits(villageCode, delta);
  }
}

/**
 * The households of one partition folded from log rows in log order, with the context events
 * their contributions read (province-year lines); events of other partitions' households are
 * skipped. Settled at the end: each household in its stored form, and what they add to each unit.
 */
export class HouseholdPartitionFold {
  private readonly state = new PartitionState();

  constructor(private readonly settings: PartitionSettings) {}

  foldRows(rows: readonly LogRow[]): void {
    for (const row of rows) this.fold(reportEventOfRow(row));
  }

  foldBatch(batch: RowBatch): void {
    const data = JSON.parse(batch.dataJson) as unknown[];
    let next = 0;
    for (let i = 0; i < data.length; i++) {
      const whole = batch.contexts[next]?.[0] === i ? batch.contexts[next++] : null;
      this.fold(
        reportEventOfParts(
          batch.positions[i],
          whole?.[1] ?? '',
          whole?.[2] ?? '',
          batch.types[i],
          data[i],
          // Never read for a household's facts: a read of it would fail loudly, not count wrong.
          whole?.[3] ?? '',
        ),
      );
    }
  }

  private fold(event: ReportEvent): void {
    const { partition, partitions, utcOffsetMinutes } = this.settings;
    const householdId = householdOfEvent(event);
    if (householdId === null || partitions === 1 || partitionOf(householdId, partitions) === partition)
      foldReportEvent(this.state, event, utcOffsetMinutes);
  }

  /**
   * Settles every household, hands them out `chunk` at a time (ids and stored data), and returns
   * what they add to the units.
   */
  /** The villages of the partition's registered households (as its settle will find them), in no order. */
  villagesWithHouseholds(): string[] {
    const villages = new Set<string>();
    for (const household of this.state.households())
      if (household.registered && household.villageCode !== '') villages.add(household.villageCode);
    return [...villages];
  }

  finish(chunk: number, households: (ids: string[], docs: unknown[]) => void): PartitionTotals {
    const state = this.state;
    state.countingUnits = true;
    // Every household the fold changed is unsettled: settled and handed out a chunk at a time, so
    // the first are written while the rest settle.
    const unsettled = state.takeUnsettled();
    for (let i = 0; i < unsettled.length; i += chunk) {
      state.settling = unsettled.slice(i, i + chunk);
      const ids = state.settling.filter((id) => state.household(id) !== null);
      // The villages were told before (villagesWithHouseholds).
      settleHouseholds(state, () => undefined);
      households(
        ids,
        ids.map((id) => {
          const data = storedHouseholdOf(state.household(id)!);
          return this.settings.jsonText ? JSON.stringify(data) : data;
        }),
      );
    }
    state.rollUp();
    const changes = state.takeChanges();
    const { names, values } = this.state.unitTotals(changes.units);
    return { names, codes: changes.units, values };
  }
}
