// Spec-only support (excluded from the build): what the import specs share — the shipped Sichuan
// tree, temporary folders removed after the file, and a SQLite store opened for one use.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from '@jest/globals';
import { SqliteEventStore } from '@relapse-watch/event-store-sqlite';
import { DivisionDirectory } from '../../divisions/division-directory';
import { readDivisionExtract, shippedExtractPath } from '../../divisions/division-extract.reader';

/** The harness of one spec file; call it at the top level of the file. */
export function importSpecHarness(folderPrefix: string) {
  const folders: string[] = [];
  let directory: DivisionDirectory | undefined;
  beforeAll(async () => {
    const source = await readDivisionExtract(shippedExtractPath('51'));
    directory = DivisionDirectory.fromRecords(source.edition, source.records);
  });
  afterAll(() => folders.forEach((f) => rmSync(f, { recursive: true, force: true })));
  return {
    /** The Sichuan tree, loaded before the first test. */
    directory(): DivisionDirectory {
      if (directory === undefined) throw new Error('the division tree loads in beforeAll');
      return directory;
    },
    tempFolder(): string {
      const folder = mkdtempSync(join(tmpdir(), folderPrefix));
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
