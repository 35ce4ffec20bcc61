import type { DomainEvent } from '@relapse-watch/event-store-core';
import type { DivisorRuleVersion, KeyRegionKind, LineVersion, PolicyLine } from './province-policy.values';

/** Province and year, in every payload so projections need no stream-name parsing. */
interface Scope {
  readonly provinceCode: string;
  readonly year: number;
}

/** The first version of the year's monitoring income line. */
export type MonitoringThresholdPublished = DomainEvent<'MonitoringThresholdPublished', Scope & LineVersion>;

/** The first version of the year's inspection filter line. */
export type InspectionFilterLinePublished = DomainEvent<'InspectionFilterLinePublished', Scope & LineVersion>;

/** A new version of a published line, with the version it replaces (the history is kept). */
export type ThresholdRevised = DomainEvent<
  'ThresholdRevised',
  Scope & LineVersion & { readonly line: PolicyLine; readonly previous: LineVersion }
>;

/** A key region was designated. */
export type KeyRegionDesignated = DomainEvent<
  'KeyRegionDesignated',
  Scope & {
    readonly regionId: string;
    readonly kind: KeyRegionKind;
    readonly divisionCodes: readonly string[];
    readonly reason: string;
    readonly effectiveFrom: string;
  }
>;

/** A key region designation was revoked. */
export type KeyRegionRevoked = DomainEvent<
  'KeyRegionRevoked',
  Scope & { readonly regionId: string; readonly reason: string; readonly effectiveFrom: string }
>;

/** The per-capita divisor rule was set from a date (a later setting of the year adds a version). */
export type PerCapitaDivisorRuleSet = DomainEvent<'PerCapitaDivisorRuleSet', Scope & DivisorRuleVersion>;

/** The province added a risk type of its own to the national list for the year. */
export type ProvinceRiskTypeAdded = DomainEvent<
  'ProvinceRiskTypeAdded',
  Scope & {
    /** `<province>.<localCode>`. */
    readonly code: string;
    readonly labelZh: string;
    readonly labelEn: string;
    readonly sourceDocument: string;
  }
>;

/** Every event of the province policy aggregate. */
export type ProvincePolicyEvent =
  | MonitoringThresholdPublished
  | InspectionFilterLinePublished
  | ThresholdRevised
  | KeyRegionDesignated
  | KeyRegionRevoked
  | PerCapitaDivisorRuleSet
  | ProvinceRiskTypeAdded;
