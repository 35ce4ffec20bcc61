/**
 * Named counts a household (or a village) contributes to every unit above it: the unit's summary
 * is the sum of its members' contributions, so a tier's report is one document read, and a change
 * to one household moves each of its five units by the difference only.
 */
export type Counters = Readonly<Record<string, number>>;

/**
 * `after − before`, without the zero entries; empty when nothing changed. From nothing (a
 * household's first settle: every one of them in a rebuild) it is `after` itself when that holds
 * no zero — not a copy.
 */
export function counterDelta(before: Counters, after: Counters): Counters {
  if (isEmptyDelta(before)) {
    let zero = false;
    for (const key in after) if (after[key] === 0) zero = true;
    if (!zero) return after;
  }
  const delta: Record<string, number> = {};
  for (const key in after) {
    const change = after[key] - (before[key] ?? 0);
    if (change !== 0) delta[key] = change;
  }
  for (const key in before) if (!(key in after) && before[key] !== 0) delta[key] = -before[key];
  return delta;
}

/** `counters + delta`, dropping entries that reach zero, keys sorted (the same sums give the same JSON). */
export function addCounters(counters: Counters, delta: Counters): Counters {
  const sum: Record<string, number> = { ...counters };
  for (const [key, value] of Object.entries(delta)) {
    const next = (sum[key] ?? 0) + value;
    if (next === 0) delete sum[key];
    else sum[key] = next;
  }
  return sortedCounters(sum);
}

/** The same counts with their keys in code-point order. */
export function sortedCounters(counters: Counters): Counters {
  const sorted: Record<string, number> = {};
  for (const key of Object.keys(counters).sort()) sorted[key] = counters[key];
  return sorted;
}

/** Whether a delta changes nothing. */
export function isEmptyDelta(delta: Counters): boolean {
  for (const key in delta) if (Object.prototype.hasOwnProperty.call(delta, key)) return false;
  return true;
}
