import type { DomainEvent } from '@relapse-watch/event-store-core';
import type { KeyRegionKind, LineVersion, PolicyLine } from './province-policy.values';

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

/** Every event of the province policy aggregate. */
export type ProvincePolicyEvent =
  | MonitoringThresholdPublished
  | InspectionFilterLinePublished
  | ThresholdRevised
  | KeyRegionDesignated
  | KeyRegionRevoked;
