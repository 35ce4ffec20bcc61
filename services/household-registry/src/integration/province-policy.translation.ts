import { keyRegionDesignatedV1, thresholdPublishedV1, type ThresholdPublishedV1 } from '@relapse-watch/contracts';
import { assertNever } from '@relapse-watch/domain-kernel';
import type { ProvincePolicyEvent } from '../domain/province-policy/province-policy.events';
import type { ProvincePolicyState } from '../domain/province-policy/province-policy.state';
import type { LineVersion, PolicyLine } from '../domain/province-policy/province-policy.values';
import type { IntegrationEvent, RegistryIntegrationEvent } from './integration-event';

function thresholdPublished(
  state: ProvincePolicyState,
  scope: { readonly provinceCode: string; readonly year: number },
  line: PolicyLine,
  version: LineVersion,
  supersedes: LineVersion | null,
): IntegrationEvent<ThresholdPublishedV1> {
  const { amountFen, effectiveFrom, sourceDocument } = version;
  return {
    contract: thresholdPublishedV1,
    data: {
      provinceCode: scope.provinceCode,
      year: scope.year,
      line,
      amountFen,
      effectiveFrom,
      sourceDocument,
      // The state after the event holds this version last: its count is the version's number.
      revision: Math.max(1, state.lines[line].length),
      supersedes: supersedes && {
        amountFen: supersedes.amountFen,
        effectiveFrom: supersedes.effectiveFrom,
        sourceDocument: supersedes.sourceDocument,
      },
    },
  };
}

/**
 * The integration event a stored province policy event becomes, given the policy *after* it
 * (fold with `provincePolicyDecider.evolve`). First publications and revisions of either line
 * are all ThresholdPublished, numbered by revision. Returns null for KeyRegionRevoked, the divisor
 * rule and the province's risk types, which have no public contract yet (each would be an
 * addition, not a breaking change): subscribers see the rule's effect in the per-capita figures
 * of HouseholdIncomeRecorded, and the risk type list over HTTP (`GET /api/registry/risk-types`).
 */
export function translateProvincePolicyEvent(
  state: ProvincePolicyState,
  event: ProvincePolicyEvent,
): RegistryIntegrationEvent | null {
  const scope = { provinceCode: event.data.provinceCode, year: event.data.year };
  switch (event.type) {
    case 'MonitoringThresholdPublished':
      return thresholdPublished(state, scope, 'monitoring-threshold', event.data, null);
    case 'InspectionFilterLinePublished':
      return thresholdPublished(state, scope, 'inspection-filter', event.data, null);
    case 'ThresholdRevised':
      return thresholdPublished(state, scope, event.data.line, event.data, event.data.previous);
    case 'KeyRegionDesignated': {
      const { regionId, kind, divisionCodes, reason, effectiveFrom } = event.data;
      return {
        contract: keyRegionDesignatedV1,
        data: { ...scope, regionId, kind, divisionCodes, reason, effectiveFrom },
      };
    }
    case 'KeyRegionRevoked':
    case 'PerCapitaDivisorRuleSet':
    case 'ProvinceRiskTypeAdded':
      return null;
    default:
      return assertNever(event, 'province policy event');
  }
}
