import { divisionAncestors } from '@relapse-watch/domain-kernel';
import { sortedCounters, type Counters } from './counters';
import type { HouseholdReport } from './household-report';
import type { ReportingDocuments } from './reporting-fold';

/**
 * The reporting's documents in memory: what an as-of report folds into from scratch, and what the
 * live projector holds between store reads. Units keep their counts in mutable records (a rebuild
 * adds to five units per event; copying a province's counts each time would dominate), sorted
 * only when read out. Remembers which documents changed since {@link takeChanges}.
 */
export class ReportingState implements ReportingDocuments {
  private readonly householdDocs = new Map<string, HouseholdReport>();
  private readonly contextDocs = new Map<string, unknown>();
  private readonly units = new Map<string, Record<string, number>>();
  private readonly ancestorCache = new Map<string, readonly string[]>();
  private changedHouseholds = new Set<string>();
  private changedContexts = new Set<string>();
  private changedUnits = new Set<string>();

  household(householdId: string): HouseholdReport | null {
    return this.householdDocs.get(householdId) ?? null;
  }

  putHousehold(household: HouseholdReport): void {
    this.householdDocs.set(household.householdId, household);
    this.changedHouseholds.add(household.householdId);
  }

  /** Adds a household read from the store, unchanged. */
  loadHousehold(household: HouseholdReport): void {
    this.householdDocs.set(household.householdId, household);
  }

  /** Whether the household is in memory (read from the store, or folded). */
  hasHousehold(householdId: string): boolean {
    return this.householdDocs.has(householdId);
  }

  /** Forgets households that did not change since the last {@link takeChanges}, down to `keep`. */
  forgetHouseholds(keep: number): void {
    for (const id of this.householdDocs.keys()) {
      if (this.householdDocs.size <= keep) return;
      if (!this.changedHouseholds.has(id)) this.householdDocs.delete(id);
    }
  }

  *householdsOfProvince(provinceCode: string): Iterable<HouseholdReport> {
    const prefix = provinceCode.slice(0, 2);
    for (const household of [...this.householdDocs.values()])
      if (household.villageCode.startsWith(prefix)) yield household;
  }

  context<T>(id: string): T | null {
    return (this.contextDocs.get(id) as T | undefined) ?? null;
  }

  contexts<T>(prefix: string): Iterable<T> {
    const ids = [...this.contextDocs.keys()].filter((id) => id.startsWith(prefix)).sort();
    return ids.map((id) => this.contextDocs.get(id) as T);
  }

  putContext(id: string, document: unknown): void {
    this.contextDocs.set(id, document);
    this.changedContexts.add(id);
  }

  /** Adds a context document read from the store, unchanged. */
  loadContext(id: string, document: unknown): void {
    this.contextDocs.set(id, document);
  }

  addToUnits(villageCode: string, delta: Counters): void {
    let codes = this.ancestorCache.get(villageCode);
    if (codes === undefined) {
      codes = [villageCode, ...divisionAncestors(villageCode)];
      this.ancestorCache.set(villageCode, codes);
    }
    for (const code of codes) {
      let counts = this.units.get(code);
      if (counts === undefined) this.units.set(code, (counts = {}));
      for (const key in delta) {
        const next = (counts[key] ?? 0) + delta[key];
        if (next === 0) delete counts[key];
        else counts[key] = next;
      }
      this.changedUnits.add(code);
    }
  }

  /** Adds a unit's counts read from the store. */
  loadUnit(code: string, counts: Counters): void {
    this.units.set(code, { ...counts });
  }

  /** A unit's counts, keys sorted; empty for a unit nothing was counted in. */
  unit(code: string): Counters {
    return sortedCounters(this.units.get(code) ?? {});
  }

  /** A unit's counts as held (keys in no order): to be stored or sorted by the caller. */
  unitCounts(code: string): Counters {
    return this.units.get(code) ?? {};
  }

  /** The ids of the documents changed since the last call, and forgets them. */
  takeChanges(): { households: string[]; contexts: string[]; units: string[] } {
    const changes = {
      households: [...this.changedHouseholds],
      contexts: [...this.changedContexts],
      units: [...this.changedUnits],
    };
    this.changedHouseholds = new Set();
    this.changedContexts = new Set();
    this.changedUnits = new Set();
    return changes;
  }
}
