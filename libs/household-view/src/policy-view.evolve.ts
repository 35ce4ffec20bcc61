import { assertNever, type IsoDate } from '@relapse-watch/domain-kernel';
import type { KeyRegionKindV1, PolicyLineV1 } from '@relapse-watch/contracts';
import type { PolicyEvent } from './registry-facts.events';

/** One published version of a line, as the registry numbered it. */
export interface LineVersion {
  readonly revision: number;
  readonly amountFen: number;
  readonly effectiveFrom: IsoDate;
  readonly sourceDocument: string;
}

/** A key region of the year. */
export interface KeyRegion {
  readonly regionId: string;
  readonly kind: KeyRegionKindV1;
  /** 12-digit codes of the units it covers, sorted. */
  readonly divisionCodes: readonly string[];
  readonly effectiveFrom: IsoDate;
}

/**
 * A province's policy of one year as the registry published it: every version of each line
 * (a revision never erases the one it replaces, which stays in force until the revision's
 * effective date) and the key regions. The designation's reason (free text) is not kept.
 */
export interface PolicyDocument {
  /** 2-digit province code, as the registry's policy events carry it. */
  readonly provinceCode: string;
  readonly year: number;
  readonly lines: Readonly<Record<PolicyLineV1, readonly LineVersion[]>>;
  readonly keyRegions: readonly KeyRegion[];
  readonly lastEventId: string;
}

/** Document id of a province's policy of a year: the registry's key, `<provinceCode>-<year>`. */
export function policyDocumentId(provinceCode: string, year: number): string {
  return `${provinceCode}-${year}`;
}

/** Folds one policy event (STYLE.md shape 5); the same document back for a redelivered last event. */
export function evolvePolicy(doc: PolicyDocument | null, event: PolicyEvent): PolicyDocument {
  if (doc?.lastEventId === event.id) return doc;
  const base: PolicyDocument = doc ?? {
    provinceCode: event.data.provinceCode,
    year: event.data.year,
    lines: { 'monitoring-threshold': [], 'inspection-filter': [] },
    keyRegions: [],
    lastEventId: event.id,
  };
  switch (event.type) {
    case 'ThresholdPublished': {
      const { line, revision, amountFen, effectiveFrom, sourceDocument } = event.data;
      const versions = [...base.lines[line].filter((v) => v.revision !== revision)];
      versions.push({ revision, amountFen, effectiveFrom, sourceDocument });
      versions.sort((a, b) => a.revision - b.revision);
      return { ...base, lines: { ...base.lines, [line]: versions }, lastEventId: event.id };
    }
    case 'KeyRegionDesignated': {
      const { regionId, kind, divisionCodes, effectiveFrom } = event.data;
      const region: KeyRegion = { regionId, kind, divisionCodes: [...divisionCodes].sort(), effectiveFrom };
      const keyRegions = [...base.keyRegions.filter((r) => r.regionId !== regionId), region];
      keyRegions.sort((a, b) => (a.regionId < b.regionId ? -1 : a.regionId > b.regionId ? 1 : 0));
      return { ...base, keyRegions, lastEventId: event.id };
    }
    default:
      return assertNever(event);
  }
}
