import { createHash } from 'node:crypto';
import type { ReadStore } from '@relapse-watch/read-store-core';

/** JSON with every object's keys in code-point order: the same data gives the same text in any store. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((key) => record[key] !== undefined)
    .sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`).join(',')}}`;
}

/** A collection's documents as hashes: what two stores must agree on, whatever their positions. */
export interface CollectionDigest {
  readonly documents: number;
  /** SHA-256 over every document's id and canonical data, in id order. */
  readonly digest: string;
  /** Each document's own hash, by id (to name the first that differs). */
  readonly hashes: ReadonlyMap<string, string>;
}

const PAGE = 5_000;

/**
 * Hashes a collection's documents — their ids and data, not the positions they were written at
 * (a rebuild batches differently, so the same documents carry other positions).
 */
export async function collectionDigest(store: ReadStore, collection: string): Promise<CollectionDigest> {
  const whole = createHash('sha256');
  const hashes = new Map<string, string>();
  for (let offset = 0; ; offset += PAGE) {
    const page = await store.find(collection, { limit: PAGE, offset });
    for (const doc of page) {
      const line = `${doc.id}\t${canonicalJson(doc.data)}\n`;
      whole.update(line);
      hashes.set(doc.id, createHash('sha256').update(line).digest('hex'));
    }
    if (page.length < PAGE) break;
  }
  return { documents: hashes.size, digest: whole.digest('hex'), hashes };
}

/** The first id (in code-point order) whose document differs or exists on one side only; null when equal. */
export function firstDifference(live: CollectionDigest, rebuilt: CollectionDigest): string | null {
  const ids = [...new Set([...live.hashes.keys(), ...rebuilt.hashes.keys()])].sort();
  return ids.find((id) => live.hashes.get(id) !== rebuilt.hashes.get(id)) ?? null;
}
