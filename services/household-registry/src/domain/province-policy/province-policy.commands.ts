import type { IsoDate } from '@relapse-watch/domain-kernel';
import type { KeyRegionKind, PerCapitaDivisorRule } from './province-policy.values';

/** Which policy stream a command is for: `registry-policy-<provinceCode>-<year>`. */
export interface PolicyScope {
  /** Two-digit province code, e.g. `51`. */
  readonly provinceCode: string;
  /** The year the lines and designations are for. */
  readonly year: number;
}

/** Publish (or revise) a line: the same version again is a no-op, another one a revision. */
export interface LineData extends PolicyScope {
  /** Per-capita net income per year in yuan, as typed (`"7200"`, `12412.5`); positive, at most two decimals. */
  readonly amountYuan: string | number;
  /** First day it applies; within the year. */
  readonly effectiveFrom: IsoDate;
  /** Reference of the policy document (文号). */
  readonly sourceDocument: string;
}

/** Publish the province's monitoring income line for the year. */
export interface PublishMonitoringThreshold {
  readonly type: 'PublishMonitoringThreshold';
  readonly data: LineData;
}

/** Publish the optional inspection filter line: a filter for visits, not eligibility. */
export interface PublishInspectionFilterLine {
  readonly type: 'PublishInspectionFilterLine';
  readonly data: LineData;
}

/** Designate a key region of the concentrated inspection. */
export interface DesignateKeyRegion {
  readonly type: 'DesignateKeyRegion';
  readonly data: PolicyScope & {
    /** Id the caller made for the designation. */
    readonly regionId: string;
    readonly kind: KeyRegionKind;
    /** 12-digit codes of counties or other units inside the province (not the province itself). */
    readonly divisionCodes: readonly string[];
    readonly reason: string;
    /** First day it applies; within the year. */
    readonly effectiveFrom: IsoDate;
  };
  /** What the handler looked up in the division tree. */
  readonly facts: { readonly unknownDivisionCodes: readonly string[] };
}

/** Revoke a key region designation. */
export interface RevokeKeyRegion {
  readonly type: 'RevokeKeyRegion';
  readonly data: PolicyScope & {
    readonly regionId: string;
    readonly reason: string;
    /** First day it no longer applies; within the year, not before the designation took effect. */
    readonly effectiveFrom: IsoDate;
  };
}

/** Set who per-capita net income is divided by, from a date of the year (see {@link PerCapitaDivisorRule}). */
export interface SetPerCapitaDivisorRule {
  readonly type: 'SetPerCapitaDivisorRule';
  readonly data: PolicyScope & {
    readonly rule: PerCapitaDivisorRule;
    /** First day it applies; within the year. */
    readonly effectiveFrom: IsoDate;
    /** Reference of the policy document (文号). */
    readonly sourceDocument: string;
  };
}

/** Add a risk type of the province's own to the national list, for the year. */
export interface AddProvinceRiskType {
  readonly type: 'AddProvinceRiskType';
  readonly data: PolicyScope & {
    /** Lower-case words joined by hyphens (`farm-price-drop`); the type's code is `<province>.<localCode>`. */
    readonly localCode: string;
    /** Label in Chinese, as sheets and forms write it (e.g. `因农产品价格下跌`). */
    readonly labelZh: string;
    readonly labelEn: string;
    /** Reference of the policy document (文号). */
    readonly sourceDocument: string;
  };
}

/** Every command of the province policy aggregate. */
export type ProvincePolicyCommand =
  | PublishMonitoringThreshold
  | PublishInspectionFilterLine
  | DesignateKeyRegion
  | RevokeKeyRegion
  | SetPerCapitaDivisorRule
  | AddProvinceRiskType;
