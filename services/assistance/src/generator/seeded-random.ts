/**
 * A seeded pseudo-random source for synthetic caseloads: mulberry32, whose whole sequence follows
 * from the seed, so one seed gives byte-identical sheets everywhere (the registry's generator uses
 * the same construction). Not for anything secret.
 */
export class SeededRandom {
  private state: number;

  /** A source seeded with text (hashed with FNV-1a) or a 32-bit integer. */
  constructor(seed: string | number) {
    this.state = typeof seed === 'number' ? seed >>> 0 : fnv1a(seed);
  }

  /** The next number in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = Math.imul(this.state ^ (this.state >>> 15), 1 | this.state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One value by weight (weights positive, not necessarily summing to 1). */
  weighted<T>(table: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (let i = 0; i < table.length; i++) total += table[i][1];
    let at = this.next() * total;
    for (let i = 0; i < table.length; i++) {
      at -= table[i][1];
      if (at < 0) return table[i][0];
    }
    return table[table.length - 1][0];
  }
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}
