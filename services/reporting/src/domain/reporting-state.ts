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
  /**
   * Each unit's counts by the index of their name in {@link names}: a rebuild adds to five units
   * per household settled, and typed-array increments are many times cheaper than keyed updates.
   */
  private readonly units = new Map<string, Float64Array>();
  private readonly nameIds = new Map<string, number>();
  private readonly names: string[] = [];
  private readonly ancestorCache = new Map<string, readonly string[]>();
  /** Counts added to each village and not yet to the units above it (see {@link rollUp}). */
  private readonly villageSums = new Map<string, Float64Array>();

  /**
   * @param rollUpLater count into villages only, and into the units above them when
   *   {@link rollUp} is called (a bulk fold settling every household once: one addition per
   *   village and unit instead of five per household and count). Units read before then lack them.
   */
  constructor(private readonly rollUpLater = false) {}
  private changedHouseholds = new Set<string>();
  private unsettled = new Set<string>();
  private changedContexts = new Set<string>();
  private changedUnits = new Set<string>();

  household(householdId: string): HouseholdReport | null {
    return this.householdDocs.get(householdId) ?? null;
  }

  putHousehold(household: HouseholdReport): void {
    this.householdDocs.set(household.householdId, household);
    this.changedHouseholds.add(household.householdId);
  }

  markUnsettled(householdId: string): void {
    this.unsettled.add(householdId);
  }

  takeUnsettled(): string[] {
    const ids = [...this.unsettled];
    this.unsettled = new Set();
    return ids;
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

  /** Every household in memory, in the order first put or loaded. */
  households(): Iterable<HouseholdReport> {
    return this.householdDocs.values();
  }

  /** The ids of the contexts changed since the last call (or {@link takeChanges}), and forgets them. */
  takeChangedContexts(): string[] {
    const ids = [...this.changedContexts];
    this.changedContexts = new Set();
    return ids;
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
    if (this.rollUpLater) {
      // Only the village now; rollUp() adds each village's sum to the four units above it once.
      // Noted even for an empty delta: the village and its units are changed documents all the same.
      let values = this.villageSums.get(villageCode);
      if (values === undefined) this.villageSums.set(villageCode, (values = new Float64Array(64)));
      for (const key in delta) {
        const id = this.nameId(key);
        if (values.length <= id) {
          const grown = new Float64Array(Math.max(64, this.names.length * 2));
          grown.set(values);
          this.villageSums.set(villageCode, (values = grown));
        }
        values[id] += delta[key];
      }
      return;
    }
    const codes = this.unitsOf(villageCode);
    for (const key in delta) {
      const id = this.nameId(key);
      const change = delta[key];
      for (const code of codes) this.countsOf(code, id)[id] += change;
    }
    for (const code of codes) this.changedUnits.add(code);
  }

  /**
   * Adds what was counted into villages since the last call (a state made with `rollUpLater`) to
   * each village and the four units above it, as {@link addToUnits} would have one delta at a time.
   */
  rollUp(): void {
    for (const [villageCode, sums] of this.villageSums) {
      const codes = this.unitsOf(villageCode);
      const last = this.names.length - 1;
      for (const code of codes) {
        const values = this.countsOf(code, last);
        for (let id = 0; id <= last && id < sums.length; id++) values[id] += sums[id];
        this.changedUnits.add(code);
      }
    }
    this.villageSums.clear();
  }

  /**
   * The counts of these units as arrays indexed like `names` (copies): what another thread's state
   * adds up with {@link addUnitTotals}.
   */
  unitTotals(codes: readonly string[]): { names: string[]; values: Float64Array[] } {
    const values = codes.map((code) => {
      const counts = new Float64Array(this.names.length);
      const kept = this.units.get(code);
      if (kept !== undefined) counts.set(kept.subarray(0, this.names.length));
      return counts;
    });
    return { names: [...this.names], values };
  }

  /**
   * Adds counts gathered elsewhere ({@link unitTotals}) to each of these units — to the unit
   * itself, not to the units above it (they were summed there already) — and notes them changed.
   */
  addUnitTotals(names: readonly string[], codes: readonly string[], values: readonly Float64Array[]): void {
    const ids = names.map((name) => this.nameId(name));
    const last = this.names.length - 1;
    codes.forEach((code, u) => {
      const counts = values[u];
      const target = this.countsOf(code, last);
      for (let i = 0; i < counts.length; i++) if (counts[i] !== 0) target[ids[i]] += counts[i];
      this.changedUnits.add(code);
    });
  }

  /** The village and the four units above it (remembered: the kernel's parent rule parses the code). */
  private unitsOf(villageCode: string): readonly string[] {
    let codes = this.ancestorCache.get(villageCode);
    if (codes === undefined) {
      codes = [villageCode, ...divisionAncestors(villageCode)];
      this.ancestorCache.set(villageCode, codes);
    }
    return codes;
  }

  /** Adds a unit's counts read from the store. */
  loadUnit(code: string, counts: Counters): void {
    for (const [name, count] of Object.entries(counts)) {
      const id = this.nameId(name);
      this.countsOf(code, id)[id] = count;
    }
  }

  /** A unit's counts, keys sorted; empty for a unit nothing was counted in. */
  unit(code: string): Counters {
    return sortedCounters(this.unitCounts(code));
  }

  /**
   * A unit's non-zero counts: keys in no order, or with `sorted` in code-point order (cheaper than
   * sorting each unit's keys: the names are sorted once).
   */
  unitCounts(code: string, sorted = false): Counters {
    const counts: Record<string, number> = {};
    const values = this.units.get(code);
    if (values === undefined) return counts;
    if (sorted) {
      for (const id of this.sortedNameIds())
        if (id < values.length && values[id] !== 0) counts[this.names[id]] = values[id];
      return counts;
    }
    for (let id = 0; id < values.length; id++) if (values[id] !== 0) counts[this.names[id]] = values[id];
    return counts;
  }

  private sortedIds: number[] = [];

  private sortedNameIds(): readonly number[] {
    if (this.sortedIds.length !== this.names.length)
      this.sortedIds = this.names
        .map((_, id) => id)
        .sort((a, b) => (this.names[a] < this.names[b] ? -1 : this.names[a] > this.names[b] ? 1 : 0));
    return this.sortedIds;
  }

  private nameId(name: string): number {
    let id = this.nameIds.get(name);
    if (id === undefined) {
      id = this.names.length;
      this.names.push(name);
      this.nameIds.set(name, id);
    }
    return id;
  }

  /** The unit's counts, grown to hold name `id`. */
  private countsOf(code: string, id: number): Float64Array {
    let values = this.units.get(code);
    if (values === undefined || values.length <= id) {
      const grown = new Float64Array(Math.max(64, this.names.length * 2));
      if (values !== undefined) grown.set(values);
      this.units.set(code, (values = grown));
    }
    return values;
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
