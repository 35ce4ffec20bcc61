import type { LogRow } from '@relapse-watch/event-store-core';
import type { Counters } from '../domain/counters';
import { foldReportEvent, householdOfEvent, settleHouseholds } from '../domain/reporting-fold';
import { ReportingState } from '../domain/reporting-state';
import { reportEventOfRow } from '../inbox/inbox-log';
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

/** What a partition adds to the units, and the villages of its registered households. */
export interface PartitionTotals {
  readonly villages: string[];
  readonly names: string[];
  readonly codes: string[];
  readonly values: Float64Array[];
}

/** Counts only what households add (a village's own counts are the context fold's). */
class PartitionState extends ReportingState {
  countingUnits = false;

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
    const { partition, partitions, utcOffsetMinutes } = this.settings;
    for (const row of rows) {
      const event = reportEventOfRow(row);
      const householdId = householdOfEvent(event);
      if (householdId === null || partitions === 1 || partitionOf(householdId, partitions) === partition)
        foldReportEvent(this.state, event, utcOffsetMinutes);
    }
  }

  /**
   * Settles every household, hands them out `chunk` at a time (ids and stored data), and returns
   * what they add to the units.
   */
  finish(chunk: number, households: (ids: string[], docs: unknown[]) => void): PartitionTotals {
    const villages = new Set<string>();
    this.state.countingUnits = true;
    settleHouseholds(this.state, (villageCode) => villages.add(villageCode));
    const changes = this.state.takeChanges();
    for (let i = 0; i < changes.households.length; i += chunk) {
      const ids = changes.households.slice(i, i + chunk);
      households(
        ids,
        ids.map((id) => {
          const data = storedHouseholdOf(this.state.household(id)!);
          return this.settings.jsonText ? JSON.stringify(data) : data;
        }),
      );
    }
    const { names, values } = this.state.unitTotals(changes.units);
    return { villages: [...villages], names, codes: changes.units, values };
  }
}
