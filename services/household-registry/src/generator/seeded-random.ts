/**
 * A seeded pseudo-random source for synthetic data: mulberry32 (Tommy Ettinger, public domain),
 * a 32-bit state whose whole sequence follows from the seed. Good enough for test data (it
 * passes gjrand's and PractRand's smaller batteries), tiny, and the same on every platform, so
 * one seed gives byte-identical generated files everywhere. Not for anything secret.
 */
export class SeededRandom {
  private state: number;

  /** A source seeded with a 32-bit integer, or with text hashed by {@link seedFromText}. */
  constructor(seed: number | string) {
    this.state = typeof seed === 'string' ? seedFromText(seed) : seed >>> 0;
  }

  /** The next number in [0, 1), with 32 bits of randomness. */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = Math.imul(this.state ^ (this.state >>> 15), 1 | this.state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One element, uniformly. */
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** One value by weight: `[[value, weight], …]`, weights positive, not necessarily summing to 1. */
  weighted<T>(table: readonly (readonly [T, number])[]): T {
    // Indexed loops, not for-of with destructuring: tables of many element kinds reach this one
    // function, and the iterator path then costs ten times as much (measured: 100,000 households).
    let total = 0;
    for (let i = 0; i < table.length; i++) total += table[i][1];
    let r = this.next() * total;
    for (let i = 0; i < table.length; i++) {
      r -= table[i][1];
      if (r < 0) return table[i][0];
    }
    return table[table.length - 1][0];
  }

  /** A standard normal deviate (Box–Muller; one of the pair is dropped, which keeps the state simple). */
  normal(): number {
    const u = 1 - this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }

  /** A log-normal deviate with this median and σ of the underlying normal. */
  logNormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }

  /** An independent source for one sub-task (e.g. one household), so its draws do not shift the others'. */
  fork(label: string | number): SeededRandom {
    return new SeededRandom(seedFromText(`${this.state}:${label}`));
  }
}

/**
 * A 32-bit seed from text: FNV-1a over the UTF-16 code units, then a murmur3 finaliser so
 * seeds that differ in one character land far apart. `--seed 42` and `--seed "42"` give the
 * same seed (a decimal integer below 2^32 is taken as the number itself).
 */
export function seedFromText(text: string): number {
  if (/^\d{1,10}$/.test(text) && Number(text) <= 0xffffffff) return Number(text) >>> 0;
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
