import type { IsoDate } from '@relapse-watch/domain-kernel';
import type { RiskTypeCode } from '../risk-types/risk-types';

/** The three categories of monitoring subject (DOMAIN.md "Monitoring subjects"). */
export type MonitoringCategory =
  /** 脱贫不稳定户: a poverty-alleviated household whose income is below the line or unstable. */
  | 'unstable-poverty-alleviated'
  /** 边缘易致贫户: an ordinary household whose income is below the line or unstable. */
  | 'marginal-prone-to-poverty'
  /** 突发严重困难户: any household whose rigid spending or sudden income loss threatens basic living. */
  | 'sudden-severe-hardship';

/** Every monitoring category, for validation. */
export const MONITORING_CATEGORIES: readonly MonitoringCategory[] = [
  'unstable-poverty-alleviated',
  'marginal-prone-to-poverty',
  'sudden-severe-hardship',
];

/** Where a legacy monitoring record came from; only the household sheet's monitoring columns today. */
export type LegacyMonitoringSource = 'household-sheet';

/**
 * A household's monitoring record as an older system or sheet declared it (监测户 rows of the
 * household sheet): kept as declared, for the assistance context to load as monitoring cases
 * with their history. Never a registry status, and never read by the registry's own rules.
 */
export interface LegacyMonitoringRecord {
  readonly source: LegacyMonitoringSource;
  readonly category: MonitoringCategory;
  /** 识别时间: the day the household was identified as a monitoring subject. */
  readonly identifiedOn: IsoDate;
  /** 风险类型: codes of the national list or of the province's own, as declared; may be empty. */
  readonly riskTypes: readonly RiskTypeCode[];
  /** 风险是否消除. */
  readonly riskEliminated: boolean;
  /** 消除时间: when the risk was eliminated; null while it is not. */
  readonly eliminatedOn: IsoDate | null;
}
