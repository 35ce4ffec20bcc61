import type { Breakdown } from '../../api/reporting';

/** A share (0–1) as a percentage with one decimal, or a dash when there is none. */
export function percent(share: number | null): string {
  return share === null ? '—' : `${(share * 100).toFixed(1)}%`;
}

/** The sum of a breakdown's counts. */
export function total(breakdown: Breakdown): number {
  return Object.values(breakdown).reduce((sum, n) => sum + n, 0);
}

/** `part ÷ whole` as 0–100 for a progress bar (0 without a whole). */
export function progressOf(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.min(100, Math.round((part / whole) * 1000) / 10);
}
