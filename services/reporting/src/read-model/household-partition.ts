/**
 * How a rebuild splits the fold over threads: by household. A household's events all go to one
 * partition (its facts and contributions are its own; units add up across partitions), chosen by
 * a hash of its id.
 */

/** The partition (0 … `partitions` − 1) of a household id: FNV-1a over its UTF-16 code units. */
export function partitionOf(householdId: string, partitions: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < householdId.length; i++) hash = Math.imul(hash ^ householdId.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % partitions;
}

const KEY = '"householdId":"';

/**
 * The partitions that must see an event, from its data as stored JSON text, without parsing it:
 * a bit per partition, for the household id of each `"householdId":"…"` in the text — the
 * top-level one (what the fold partitions on) is among them, since the inbox stores data as
 * `JSON.stringify` writes it (no escapes in keys) — or every partition when the text names no
 * household, or names one with an escape in it (then each partition parses it and keeps what is
 * its own). A partition may get an event that is not its own (a household named deeper in the
 * data): it parses it and skips it.
 *
 * @param partitions at most 30.
 */
export function partitionsOfDataText(dataJson: string, partitions: number): number {
  const all = (1 << partitions) - 1;
  let mask = 0;
  for (let at = dataJson.indexOf(KEY); at !== -1; at = dataJson.indexOf(KEY, at + KEY.length)) {
    const start = at + KEY.length;
    const end = dataJson.indexOf('"', start);
    if (end === -1) return all;
    const id = dataJson.slice(start, end);
    if (id.includes('\\')) return all;
    mask |= 1 << partitionOf(id, partitions);
  }
  return mask === 0 ? all : mask;
}
