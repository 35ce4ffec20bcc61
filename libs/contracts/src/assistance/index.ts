import type { EventContract } from '../contract';
import { assistanceMeasureCancelledV1 } from './assistance-measure-cancelled.v1';
import { assistanceMeasureEndedV1 } from './assistance-measure-ended.v1';
import { assistanceMeasurePlannedV1 } from './assistance-measure-planned.v1';
import { assistanceMeasureStartedV1 } from './assistance-measure-started.v1';
import { eliminationProposedV1 } from './elimination-proposed.v1';
import { eliminationRefusedV1 } from './elimination-refused.v1';
import { eliminationRejectedV1 } from './elimination-rejected.v1';
import { identificationRejectedV1 } from './identification-rejected.v1';
import { leadDismissedV1 } from './lead-dismissed.v1';
import { monitoringCaseOpenedV1 } from './monitoring-case-opened.v1';
import { monitoringCaseOverdueV1 } from './monitoring-case-overdue.v1';
import { monitoringCaseReopenedV1 } from './monitoring-case-reopened.v1';
import { monitoringSubjectIdentifiedV1 } from './monitoring-subject-identified.v1';
import { riskEliminatedV1 } from './risk-eliminated.v1';

export * from './assistance-topic';
export * from './assistance.enums';
export type * from './assistance.values';
export { monitoringCaseOpenedV1, type MonitoringCaseOpenedV1 } from './monitoring-case-opened.v1';
export * from './lead-dismissed.v1';
export * from './monitoring-subject-identified.v1';
export { identificationRejectedV1, type IdentificationRejectedV1 } from './identification-rejected.v1';
export * from './monitoring-case-overdue.v1';
export * from './elimination-proposed.v1';
export * from './elimination-refused.v1';
export * from './elimination-rejected.v1';
export * from './risk-eliminated.v1';
export * from './monitoring-case-reopened.v1';
export {
  assistanceMeasurePlannedV1,
  type AssistanceMeasurePlannedV1,
  type MeasureEventV1,
} from './assistance-measure-planned.v1';
export * from './assistance-measure-started.v1';
export * from './assistance-measure-ended.v1';
export * from './assistance-measure-cancelled.v1';

/** Every integration event the assistance service publishes, in document order. */
export const ASSISTANCE_CONTRACTS: readonly EventContract[] = [
  monitoringCaseOpenedV1,
  leadDismissedV1,
  monitoringSubjectIdentifiedV1,
  identificationRejectedV1,
  monitoringCaseOverdueV1,
  eliminationProposedV1,
  eliminationRefusedV1,
  eliminationRejectedV1,
  riskEliminatedV1,
  monitoringCaseReopenedV1,
  assistanceMeasurePlannedV1,
  assistanceMeasureStartedV1,
  assistanceMeasureEndedV1,
  assistanceMeasureCancelledV1,
];
