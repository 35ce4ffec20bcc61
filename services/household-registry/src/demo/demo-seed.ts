import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Clock } from '@relapse-watch/domain-kernel';
import { holdsEventsBesideFormatMarker, type EventStore } from '@relapse-watch/event-store-core';
import type { DivisionDirectory } from '../divisions/division-directory';
import { generateProvinceHouseholds } from '../generator/province.generator';
import { importHouseholdSheet, type HouseholdSheetImportResult } from '../import/household-sheet.import';
import type { SheetHousehold } from '../import/household-sheet.types';
import { writeHouseholdSheet } from '../import/household-sheet.writer';

/** What the demo holds: a generated county, the same for every new installation. */
export interface DemoSeedOptions {
  readonly store: EventStore;
  readonly directory: DivisionDirectory;
  readonly residentIdSalt: string;
  readonly clock: Clock;
  /** Default 3,000: a few thousand households, enough to see every list and report move. */
  readonly households?: number;
  /** Default Pingchang County (平昌县, Bazhong), a former national poverty county. */
  readonly within?: string;
  readonly isKnownRegistrationDivision?: (prefix: string) => boolean;
  /**
   * Whether the store was empty when the process started (the runtime's `STORE_EMPTY_AT_START`):
   * in the embedded process the demo users may be written first. Without it the store is looked at now.
   */
  readonly storeEmptyAtStart?: boolean;
}

/** Seed of the demo county: fixed, so every new installation shows the same households. */
const DEMO_SEED = 'relapse-watch-demo';

/** The demo county's households, generated from the fixed seed: the same on every call. */
export function demoCountyHouseholds(
  directory: DivisionDirectory,
  options: Pick<DemoSeedOptions, 'households' | 'within'> = {},
): Iterable<SheetHousehold> {
  return generateProvinceHouseholds(directory, {
    provinceCode: directory.provinces()[0].code.slice(0, 2),
    households: options.households ?? 3_000,
    seed: DEMO_SEED,
    within: options.within ?? '511923000000',
  });
}

/**
 * Seeds an empty registry with a generated county through the bulk import, exactly as an official
 * would load a sheet: the generator writes the sheet, the importer reads it back. Returns null
 * (and writes nothing) when the event store already holds events (the store-format marker stamped
 * at start aside): the demo never mixes with data.
 */
export async function seedDemoCounty(options: DemoSeedOptions): Promise<HouseholdSheetImportResult | null> {
  const empty = options.storeEmptyAtStart ?? !(await holdsEventsBesideFormatMarker(options.store));
  if (!empty) return null;
  const folder = mkdtempSync(join(tmpdir(), 'rw-demo-'));
  try {
    const file = join(folder, 'demo-county.csv');
    await writeHouseholdSheet(demoCountyHouseholds(options.directory, options), { kind: 'csv', path: file });
    return await importHouseholdSheet({
      file,
      store: options.store,
      directory: options.directory,
      residentIdSalt: options.residentIdSalt,
      clock: options.clock,
      actor: { userId: 'demo-seed', role: 'system' },
      progressFile: null,
      ...(options.isKnownRegistrationDivision
        ? { isKnownRegistrationDivision: options.isKnownRegistrationDivision }
        : {}),
    });
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
