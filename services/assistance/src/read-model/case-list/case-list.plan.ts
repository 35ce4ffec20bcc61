import { assertNever } from '@relapse-watch/domain-kernel';
import type { AssistancePlanEvent } from '../../domain/assistance-plan/assistance-plan.events';
import type { MeasureStatus } from '../../domain/assistance-plan/assistance-plan.values';
import { measureCountsOf, type CaseListDocument, type MeasureEntry } from './case-list.document';

/**
 * The case's document after one of its plan's events. A plan belongs to an opened case, so its
 * events follow the case's opening in the log; one without a document changes nothing.
 */
export function evolveCaseListPlan(doc: CaseListDocument | null, event: AssistancePlanEvent): CaseListDocument | null {
  if (doc === null) return null;
  const measures = measuresAfter(doc.measures, event);
  const withMeasures = measures === doc.measures ? doc : { ...doc, measures, measureCounts: measureCountsOf(measures) };
  if (event.type !== 'AssistancePlanFlagsChanged') return withMeasures;
  const { flags, hasLabourCapacity } = event.data;
  return {
    ...withMeasures,
    planFlags: flags,
    developmentMeasureMissing: flags.includes('development-measure-missing'),
    socialSecurityMissing: flags.includes('social-security-missing'),
    hasLabourCapacity,
  };
}

function measuresAfter(measures: readonly MeasureEntry[], event: AssistancePlanEvent): readonly MeasureEntry[] {
  const withStatus = (measureId: string, status: MeasureStatus) =>
    measures.map((m) => (m.measureId === measureId ? { ...m, status } : m));
  switch (event.type) {
    case 'AssistancePlanOpened':
    case 'AssistanceMeasureExtendedAfterElimination':
    case 'AssistancePlanFlagsChanged':
      return measures;
    case 'AssistanceMeasurePlanned': {
      const { measureId, category } = event.data;
      return [...measures, { measureId, category, status: 'planned' }];
    }
    case 'AssistanceMeasureStarted':
      return withStatus(event.data.measureId, 'in-progress');
    case 'AssistanceMeasureEnded':
      return withStatus(event.data.measureId, 'ended');
    case 'AssistanceMeasureCancelled':
      return withStatus(event.data.measureId, 'cancelled');
    case 'AssistancePlanImported':
      // The measures as the national system recorded them, each as far as it had gone.
      return [
        ...measures,
        ...event.data.measures.map(({ planned, started, ended }) => ({
          measureId: planned.measureId,
          category: planned.category,
          status: (ended !== null ? 'ended' : started !== null ? 'in-progress' : 'planned') as MeasureStatus,
        })),
      ];
    default:
      return assertNever(event, 'assistance plan event');
  }
}
