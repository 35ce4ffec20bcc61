import type { CampaignPolicySource, PolicyInForce } from './campaign-policy-source';

const NOTHING_IN_FORCE: PolicyInForce = {
  lines: { monitoringThresholdFen: null, inspectionFilterLineFen: null },
  keyRegions: [],
};

/**
 * The policy source until the inspection's own policy view (built from the registry's policy
 * events) is wired in: nothing in force, so a launch is refused with
 * `campaign.threshold-not-published` rather than run on lines nobody looked up.
 */
export const UNPUBLISHED_POLICY: CampaignPolicySource = {
  inForce: () => Promise.resolve(NOTHING_IN_FORCE),
};
