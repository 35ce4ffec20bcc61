import type { IsoDate } from '@relapse-watch/domain-kernel';
import type { DomainEvent } from '@relapse-watch/event-store-core';
import type { LeadSource, MonitoringCategory, StepRecord } from './monitoring-case.values';

/**
 * A case whose earlier history happened in the national monitoring system (the caseload a
 * province brings when it adopts this one): the household was identified there on `on` (识别时间)
 * with the category and risk types, and, when `eliminatedOn` is set, its risk was eliminated
 * there on that day. The first event of its stream; the case goes on from `identified` or
 * `eliminated` as one opened here would (elimination, follow-up visits, a relapse). `reason` is
 * null: the import records what the national system decided, it decides nothing.
 */
export type MonitoringCaseImported = DomainEvent<
  'MonitoringCaseImported',
  StepRecord & {
    readonly caseId: string;
    readonly householdId: string;
    readonly villageCode: string;
    /** How the household came to be monitored (纳入方式), as the national record says. */
    readonly leadSource: LeadSource;
    readonly category: MonitoringCategory;
    /** Sorted risk type codes (national or the province's own). */
    readonly riskTypes: readonly string[];
    /** The day the risk was eliminated in the national system, or null while the household is monitored. */
    readonly eliminatedOn: IsoDate | null;
  }
>;
