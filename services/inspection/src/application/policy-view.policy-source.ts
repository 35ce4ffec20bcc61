import type { HouseholdFactsQueries } from '@relapse-watch/household-view';
import type { CampaignPolicySource, PolicyInForce } from './campaign-policy-source';

/**
 * The campaign's policy source over the inspection's own policy view (folded from the registry's
 * ThresholdPublished and KeyRegionDesignated events): the version of each line in force on the
 * launch date, and the key regions in effect by then.
 */
export function policyViewSource(facts: Pick<HouseholdFactsQueries, 'policyInForce'>): CampaignPolicySource {
  return {
    async inForce(provinceCode, year, on): Promise<PolicyInForce> {
      const policy = await facts.policyInForce(provinceCode, year, on);
      return {
        lines: {
          monitoringThresholdFen: policy.lines['monitoring-threshold']?.amountFen ?? null,
          inspectionFilterLineFen: policy.lines['inspection-filter']?.amountFen ?? null,
        },
        keyRegions: policy.keyRegions.map((r) => ({
          regionId: r.regionId,
          kind: r.kind,
          divisionCodes: r.divisionCodes,
        })),
      };
    },
  };
}
