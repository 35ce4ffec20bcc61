// Spec support: a caseload sheet written out by hand, temporary folders and a SQLite store.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from '@jest/globals';
import { fixedOffsetClock } from '@relapse-watch/domain-kernel';
import type { EventStore, StoredEvent } from '@relapse-watch/event-store-core';
import { SqliteEventStore } from '@relapse-watch/event-store-sqlite';
import { CASELOAD_COLUMNS, type CaseloadColumn } from '../caseload-sheet.columns';

/** Every import of the specs runs on 31 December 2024 (China Standard Time). */
export const CLOCK = fixedOffsetClock(480, () => new Date('2024-12-31T02:00:00Z'));
export const VILLAGE = '511923102202';

/** A row: the case columns and, when given, one measure; every cell as officials type it. */
export function caseRow(
  householdNumber: string,
  cells: Partial<Record<CaseloadColumn, string>> = {},
  measure: Partial<Record<CaseloadColumn, string>> | null = null,
): string[] {
  const row: Record<CaseloadColumn, string> = {
    villageCode: VILLAGE,
    householdNumber,
    monitoringCategory: '脱贫不稳定户',
    identifiedOn: '2022-04-18',
    leadSource: '农户自主申报',
    riskTypes: '因病、因学',
    riskEliminated: '否',
    eliminatedOn: '',
    measureCategory: '',
    measureKind: '',
    responsibleDepartment: '',
    measureStart: '',
    measureEnd: '',
    amountYuan: '',
    ...cells,
    ...(measure === null ? {} : { ...POST, ...measure }),
  };
  return CASELOAD_COLUMNS.map(([key]) => row[key]);
}

/** A public-welfare post that ran from May 2022 to April 2023. */
export const POST: Partial<Record<CaseloadColumn, string>> = {
  measureCategory: '就业帮扶',
  measureKind: '公益性岗位',
  responsibleDepartment: '县人社局',
  measureStart: '2022-05-01',
  measureEnd: '2023-04-30',
  amountYuan: '6000',
};

/** Dibao from May 2022, no end. */
export const DIBAO: Partial<Record<CaseloadColumn, string>> = {
  measureCategory: '社会救助',
  measureKind: '低保',
  responsibleDepartment: '县民政局',
  measureStart: '2022-05-01',
  measureEnd: '',
  amountYuan: '4200.50',
};

/** The folders and stores of one spec file, removed after it; call at the top level. */
export function caseloadSpecHarness(prefix: string) {
  const folders: string[] = [];
  afterAll(() => folders.forEach((f) => rmSync(f, { recursive: true, force: true })));
  return {
    tempFolder(): string {
      const folder = mkdtempSync(join(tmpdir(), prefix));
      folders.push(folder);
      return folder;
    },
    async withStore<T>(path: string, use: (store: SqliteEventStore) => Promise<T>): Promise<T> {
      const store = SqliteEventStore.open({ path, synchronous: 'NORMAL' });
      try {
        return await use(store);
      } finally {
        await store.close();
      }
    },
  };
}

/** Every event of the store, in position order. */
export async function allEvents(store: EventStore): Promise<StoredEvent[]> {
  const events: StoredEvent[] = [];
  for await (const event of store.readAll()) events.push(event);
  return events;
}

/** The error file's lines after its header, without the BOM. */
export function errorLinesOf(text: string): string[] {
  return text
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n')
    .slice(1);
}
