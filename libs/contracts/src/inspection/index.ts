import type { EventContract } from '../contract';
import { campaignLaunchedV1 } from './campaign-launched.v1';
import { dataQualityIssueRaisedV1 } from './data-quality-issue-raised.v1';
import { dataQualityIssueResolvedV1 } from './data-quality-issue-resolved.v1';
import { householdFlaggedAtRiskV1 } from './household-flagged-at-risk.v1';
import { householdInspectionCompletedV1 } from './household-inspection-completed.v1';
import { inspectionTeamChangedV1 } from './inspection-team-changed.v1';
import { inspectionTeamFormedV1 } from './inspection-team-formed.v1';
import { rectificationItemClosedV1 } from './rectification-item-closed.v1';
import { rectificationItemRaisedV1 } from './rectification-item-raised.v1';

export * from './inspection-topic';
export * from './inspection.enums';
export type * from './inspection.values';
export * from './campaign-launched.v1';
export type { InspectionTeamMemberV1, InspectionTeamV1 } from './inspection-team.schema';
export * from './inspection-team-formed.v1';
export * from './inspection-team-changed.v1';
export * from './household-inspection-completed.v1';
export * from './household-flagged-at-risk.v1';
export {
  dataQualityIssueRaisedV1,
  type DataQualityIssueRaisedV1,
  type DataQualityIssueV1,
} from './data-quality-issue-raised.v1';
export * from './data-quality-issue-resolved.v1';
export {
  rectificationItemRaisedV1,
  type RectificationItemRaisedV1,
  type RectificationItemV1,
} from './rectification-item-raised.v1';
export * from './rectification-item-closed.v1';

/** Every integration event the inspection service publishes, in document order. */
export const INSPECTION_CONTRACTS: readonly EventContract[] = [
  campaignLaunchedV1,
  inspectionTeamFormedV1,
  inspectionTeamChangedV1,
  householdInspectionCompletedV1,
  householdFlaggedAtRiskV1,
  dataQualityIssueRaisedV1,
  dataQualityIssueResolvedV1,
  rectificationItemRaisedV1,
  rectificationItemClosedV1,
];
