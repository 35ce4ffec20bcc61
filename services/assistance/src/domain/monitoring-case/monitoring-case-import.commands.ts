import type { IsoDate } from '@relapse-watch/domain-kernel';
import type { CaseCommandOf } from './monitoring-case.commands';
import type { LeadSource, MonitoringCategory } from './monitoring-case.values';

/**
 * Bring in a case the national system identified (and perhaps eliminated) before this system was
 * adopted; `data.on` is the day it was identified (识别时间). The handler makes `caseId` (one per
 * household's imported record) and checks nothing else: every rule is the decider's.
 */
export type ImportCase = CaseCommandOf<
  'ImportCase',
  {
    readonly caseId: string;
    readonly householdId: string;
    readonly villageCode: string;
    readonly leadSource: LeadSource;
    readonly category: MonitoringCategory;
    readonly riskTypes: readonly string[];
    /** The day the national system recorded the risk eliminated; null while monitored. */
    readonly eliminatedOn: IsoDate | null;
  }
>;
