// Spec support for the assistance use cases: a real SQLite event store in a temporary folder,
// households' facts held in memory (their own source is the registry's events), principals.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Principal } from '@relapse-watch/access';
import type { Fen } from '@relapse-watch/domain-kernel';
import { SqliteEventStore } from '@relapse-watch/event-store-sqlite';
import type { HouseholdFacts } from '@relapse-watch/inspection-rules';
import type { CaseHouseholds } from '../case-households';

export const VILLAGE = '511902001001';

export const COUNTY_OFFICIAL: Principal = {
  kind: 'user',
  id: 'county-1',
  role: 'county-official',
  unitCode: '511902000000',
  villageCodes: [],
};
export const TOWNSHIP_OFFICIAL: Principal = {
  kind: 'user',
  id: 'township-1',
  role: 'township-official',
  unitCode: '511902001000',
  villageCodes: [],
};
export const OTHER_COUNTY: Principal = {
  kind: 'user',
  id: 'county-2',
  role: 'county-official',
  unitCode: '511923000000',
  villageCodes: [],
};

/** A store in a folder of its own, removed by `dispose`. */
export function openTestStore(): { readonly store: SqliteEventStore; dispose(): Promise<void> } {
  const dir = mkdtempSync(join(tmpdir(), 'rw-assistance-'));
  const store = SqliteEventStore.open({ path: join(dir, 'events.db') });
  return {
    store,
    async dispose() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The shared household of the specs (libs/household-view's fixture). */
export { householdFacts } from '@relapse-watch/household-view/testing';

/** Households' facts and the provinces' lines, held in memory. */
export class CaseHouseholdsInMemory implements CaseHouseholds {
  private readonly households = new Map<string, HouseholdFacts>();
  private readonly lines = new Map<string, Readonly<Record<number, Fen>>>();

  put(facts: HouseholdFacts): void {
    this.households.set(facts.householdId, facts);
  }

  putLines(provinceCode: string, lines: Readonly<Record<number, Fen>>): void {
    this.lines.set(provinceCode, lines);
  }

  facts(householdId: string): Promise<HouseholdFacts | null> {
    return Promise.resolve(this.households.get(householdId) ?? null);
  }

  monitoringLinesFen(provinceCode: string, years: readonly number[]): Promise<Readonly<Record<number, Fen>>> {
    const lines = this.lines.get(provinceCode) ?? {};
    return Promise.resolve(Object.fromEntries(years.filter((y) => y in lines).map((y) => [y, lines[y]])));
  }
}
