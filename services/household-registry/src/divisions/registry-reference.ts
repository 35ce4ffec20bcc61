import { DomainError } from '@relapse-watch/domain-kernel';
import type { ReadStore } from '@relapse-watch/read-store-core';
import type { RegistryLookups } from '../application/registry-commands';
import { DivisionDirectory } from './division-directory';
import { readDivisionExtract, shippedExtractPath } from './division-extract.reader';
import { loadDivisionDirectory } from './division-reference.store';
import { loadRegistrationPrefixes } from './registration-prefixes';
import { isUrbanResidentsCommittee } from './village-committee-kind';

/** The reference data the registry decides with: the division trees of its provinces and the nationwide registration prefixes. */
export interface RegistryReference {
  readonly lookups: RegistryLookups;
  /** The tree holding a code; throws `division.unknown` when no loaded province has it. */
  directoryFor(code: string): DivisionDirectory;
  readonly directories: ReadonlyMap<string, DivisionDirectory>;
}

/**
 * Loads each province's tree as it was last imported into the read store
 * (`relapse-watch divisions import`); a province never imported uses the shipped extract, so a
 * new installation works at once. The extract is not written to the read store here: 40,000
 * units are a minute's writes on FerretDB, too long for a service start, and the import command
 * is how an operator chooses the edition in force.
 */
export async function loadRegistryReference(
  store: ReadStore,
  provinces: readonly string[],
): Promise<RegistryReference> {
  const directories = new Map<string, DivisionDirectory>();
  for (const province of provinces) directories.set(province, await provinceDirectory(store, province));
  const prefixes = loadRegistrationPrefixes();
  for (const directory of directories.values())
    for (const unit of directory.units()) if (unit.tier === 'county') prefixes.add(unit.code.slice(0, 6));
  const directoryOf = (code: string) => directories.get(code.slice(0, 2));
  return {
    directories,
    directoryFor(code) {
      const directory = directoryOf(code);
      if (directory === undefined || !directory.has(code))
        throw new DomainError({
          code: 'division.unknown',
          field: 'divisionCode',
          message: '行政区划代码不在区划表中 / The division code is not in the division table',
        });
      return directory;
    },
    lookups: {
      isKnownDivision: (code) => directoryOf(code)?.has(code) ?? false,
      isKnownRegistrationPrefix: (prefix) => prefixes.has(prefix),
      isUrbanResidentsCommittee: (villageCode) => {
        const directory = directoryOf(villageCode);
        return directory?.has(villageCode) ? isUrbanResidentsCommittee(directory.node(villageCode).name) : undefined;
      },
    },
  };
}

async function provinceDirectory(store: ReadStore, province: string): Promise<DivisionDirectory> {
  try {
    return await loadDivisionDirectory(store, province);
  } catch (error) {
    if (!(error instanceof DomainError) || error.code !== 'division-tree.not-imported') throw error;
  }
  const source = await readDivisionExtract(shippedExtractPath(province));
  return DivisionDirectory.fromRecords(source.edition, source.records);
}
