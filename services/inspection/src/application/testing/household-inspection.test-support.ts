import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@relapse-watch/event-store-sqlite';
import type { AnswerValue, Findings, HouseholdFacts, InspectionArea } from '@relapse-watch/inspection-rules';
import { INSPECTION_AREAS, SICHUAN_2024 } from '@relapse-watch/inspection-rules';
import type { CampaignFacts, CampaignView, HouseholdFactsSource } from '../household-inspection.ports';

/** Campaigns held in memory: a real implementation of the port for specs, until the campaign decider's fold is wired. */
export class CampaignsInMemory implements CampaignFacts {
  private readonly campaigns = new Map<string, CampaignView>();
  put(campaign: CampaignView): void {
    this.campaigns.set(campaign.campaignId, campaign);
  }
  get(campaignId: string): Promise<CampaignView | null> {
    return Promise.resolve(this.campaigns.get(campaignId) ?? null);
  }
}

/** Households' facts held in memory: a real implementation of the port for specs. */
export class HouseholdFactsInMemory implements HouseholdFactsSource {
  private readonly households = new Map<string, HouseholdFacts>();
  put(facts: HouseholdFacts): void {
    this.households.set(facts.householdId, facts);
  }
  get(householdId: string): Promise<HouseholdFacts | null> {
    return Promise.resolve(this.households.get(householdId) ?? null);
  }
}

/** Sichuan's 2024 campaign, launched 2024-09-01, inspections due 2024-11-30; 平昌县 a key region. */
export function sichuanCampaign(overrides: Partial<CampaignView> = {}): CampaignView {
  return {
    campaignId: '51-2024',
    provinceCode: '51',
    year: 2024,
    launchedOn: '2024-09-01',
    teamsInPlaceBy: '2024-09-15',
    inspectBy: '2024-11-30',
    checklistVersion: '2024.1',
    ruleSetVersion: '51-2024.1',
    keyGroupRuleIds: SICHUAN_2024.keyGroupRules.map((rule) => rule.id),
    keyRegions: [{ regionId: 'region-pingchang-flood', divisionCodes: ['511923000000'] }],
    lines: { monitoringLineFen: null, inspectionFilterLineFen: null },
    closed: false,
    ...overrides,
  };
}

/** The shared household of the specs (libs/household-view's fixture). */
export { householdFacts } from '@relapse-watch/household-view/testing';

/** Answers of checklist 2024.1 that find no problem in any area (no rule fires on them). */
export const NO_ISSUE_ANSWERS: Readonly<Record<InspectionArea, Readonly<Record<string, AnswerValue>>>> = {
  'relapse-risk': { 'risk-present': false, 'sudden-hardship': false },
  income: { 'per-capita-estimate': 1_500_000, 'income-dropped': false },
  'assistance-measures': { 'measures-in-place': true, 'development-measure': 'yes', 'new-social-assistance': 'none' },
  'elimination-stability': { 'monitoring-state': 'not-monitored' },
  'latent-risks': {
    'housing-safe': true,
    'drinking-water-safe': true,
    'child-dropped-out': false,
    'all-insured': true,
  },
  'data-quality': { 'record-matches': true, 'ledger-matches': true },
  'policy-awareness': { 'application-guide': true },
};

/** Findings of checklist 2024.1 answering the given areas (all by default) with no problem found. */
export function cleanFindings(areas: readonly InspectionArea[] = INSPECTION_AREAS): Findings {
  return Object.fromEntries(
    areas.map((area) => [area, { answers: { ...NO_ISSUE_ANSWERS[area] }, note: null, evidence: [] }]),
  );
}

/** Clean findings, except that the visit found a relapse risk (the at-risk rule on findings fires). */
export function riskFindings(): Findings {
  return {
    ...cleanFindings(),
    'relapse-risk': { answers: { 'risk-present': true, 'sudden-hardship': false }, note: null, evidence: [] },
  };
}

/** A real SQLite event store in its own temporary folder. */
export function openTestStore(): { readonly store: SqliteEventStore; dispose(): Promise<void> } {
  const dir = mkdtempSync(join(tmpdir(), 'rw-inspection-handlers-'));
  const store = SqliteEventStore.open({ path: join(dir, 'events.db') });
  return {
    store,
    async dispose() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
