import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Principal } from '@relapse-watch/access';
import { DomainError, fixedOffsetClock } from '@relapse-watch/domain-kernel';
import type { SqliteEventStore } from '@relapse-watch/event-store-sqlite';
import { householdInspectionStreamId } from '../domain/household-inspection/household-inspection.decider';
import { HouseholdInspectionCommands, type VisitData } from './household-inspection.commands';
import { HouseholdInspectionQueries } from './household-inspection.queries';
import type { InspectionRequestContext } from './household-inspection.placement';
import { FindingsInvalid } from './inspection-application.errors';
import { callerOf } from '@relapse-watch/access';
import { inspectionRules as rules } from './inspection-rules.adapter';
import {
  CampaignsInMemory,
  cleanFindings,
  householdFacts,
  HouseholdFactsInMemory,
  openTestStore,
  riskFindings,
  sichuanCampaign,
} from './testing/household-inspection.test-support';

// The household inspection's use cases on a real SQLite event store, with campaigns and
// households' facts held in memory (their own sources are other parts of the service).
const COUNTY_OFFICIAL: Principal = {
  kind: 'user',
  id: 'official-1',
  role: 'county-official',
  unitCode: '511902000000',
  villageCodes: [],
};
const ELSEWHERE: Principal = {
  kind: 'user',
  id: 'official-2',
  role: 'county-official',
  unitCode: '511923000000',
  villageCodes: [],
};
const INSPECTOR: Principal = {
  kind: 'user',
  id: 'inspector-1',
  role: 'village-inspector',
  unitCode: '511902001000',
  villageCodes: ['511902001001'],
};
const campaign = sichuanCampaign();

let harness: ReturnType<typeof openTestStore>;
let store: SqliteEventStore;
let now = new Date('2024-10-15T02:00:00Z');
const campaigns = new CampaignsInMemory();
const households = new HouseholdFactsInMemory();
let commands: HouseholdInspectionCommands;
let queries: HouseholdInspectionQueries;
beforeAll(() => {
  harness = openTestStore();
  store = harness.store;
  const clock = { ...fixedOffsetClock(480), now: () => now };
  campaigns.put(campaign);
  commands = new HouseholdInspectionCommands({ store, clock, campaigns, households, rules });
  queries = new HouseholdInspectionQueries({ store, campaigns, households, rules });
});
afterAll(() => harness.dispose());

let n = 0;
function newHousehold(overrides: Parameters<typeof householdFacts>[1] = {}): string {
  const householdId = `h-${++n}`;
  households.put(householdFacts(householdId, overrides));
  return householdId;
}
const ctx = (
  principal: Principal = COUNTY_OFFICIAL,
  extra: Partial<InspectionRequestContext> = {},
): InspectionRequestContext => ({
  caller: callerOf(principal),
  correlationId: 'corr-1',
  ...extra,
});
const visit = (overrides: Partial<VisitData> = {}): VisitData => ({
  contactId: 'c-1',
  method: 'household-visit',
  contactedOn: '2024-10-14',
  findings: cleanFindings(),
  complete: true,
  ...overrides,
});
const at = (householdId: string) => ({ campaignId: campaign.campaignId, householdId });
async function typesOf(householdId: string): Promise<string[]> {
  const types: string[] = [];
  for await (const e of store.readStream(householdInspectionStreamId(campaign.campaignId, householdId)))
    types.push(e.type);
  return types;
}
async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

describe('a whole visit', () => {
  it('records the contact and the completion in one append, not late, the actor the caller', async () => {
    const id = newHousehold();
    const result = await commands.recordVisit(at(id), visit(), ctx());
    expect(result.events.map((e) => e.type)).toEqual([
      'HouseholdInspectionOpened',
      'HouseholdContactRecorded',
      'HouseholdInspectionCompleted',
    ]);
    expect(result.events[2].data).toMatchObject({ late: false, completedOn: '2024-10-14', visited: true });
    const stored = [];
    for await (const e of store.readStream(householdInspectionStreamId('51-2024', id))) stored.push(e);
    expect(new Set(stored.map((e) => e.position)).size).toBe(3);
    expect(stored[0].metadata).toMatchObject({
      actor: { userId: 'official-1' },
      divisionCode: '511902001001',
      correlationId: 'corr-1',
    });
  });

  it('refuses a key-group household seen only by the villagers’ group assessment, naming the rule, and writes nothing', async () => {
    const id = newHousehold({
      members: [
        { ...householdFacts('x').members[0], health: { kind: 'disabled', grade: 1 }, healthSince: '2024-06-01' },
      ],
    });
    const error = await refusal(commands.recordVisit(at(id), visit({ method: 'group-assessment' }), ctx()));
    expect(error.code).toBe('inspection.household-visit-required');
    expect(error.message).toContain('key-group.new-severe-disability');
    expect(await typesOf(id)).toEqual([]);
  });

  it('selects key groups only by the rules the campaign was launched with', async () => {
    campaigns.put(sichuanCampaign({ campaignId: '51-2025', keyGroupRuleIds: ['key-group.income-drop'] }));
    const id = newHousehold({
      members: [
        { ...householdFacts('x').members[0], health: { kind: 'disabled', grade: 1 }, healthSince: '2024-06-01' },
      ],
    });
    const result = await commands.recordVisit(
      { campaignId: '51-2025', householdId: id },
      visit({ method: 'group-assessment' }),
      ctx(),
    );
    expect(result.events.at(-1)).toMatchObject({
      type: 'HouseholdInspectionCompleted',
      data: { keyGroupRuleIds: [], visited: false },
    });
  });

  it('refuses a household of a key region seen only online, naming the region', async () => {
    const id = newHousehold({ villageCode: '511923002201' });
    const error = await refusal(
      commands.recordVisit(at(id), visit({ method: 'online-communication' }), ctx(ELSEWHERE)),
    );
    expect(error.message).toContain('region-pingchang-flood');
  });

  it('marks a visit after the deadline late, and dates the completion by the visit, not by the day it arrives', async () => {
    const id = newHousehold();
    const onTime = newHousehold();
    now = new Date('2024-12-05T02:00:00Z');
    try {
      const result = await commands.recordVisit(at(id), visit({ contactedOn: '2024-12-02' }), ctx());
      expect(result.events.at(-1)).toMatchObject({
        type: 'HouseholdInspectionCompleted',
        data: { late: true, completedOn: '2024-12-02' },
      });
      const uploadedLater = await commands.recordVisit(at(onTime), visit({ contactedOn: '2024-11-29' }), ctx());
      expect(uploadedLater.events.at(-1)).toMatchObject({
        type: 'HouseholdInspectionCompleted',
        data: { late: false, completedOn: '2024-11-29' },
      });
    } finally {
      now = new Date('2024-10-15T02:00:00Z');
    }
  });

  it('reads the income lines the campaign was launched with, not its rule set’s own', async () => {
    // Poverty-alleviated, 11,000 yuan a head in 2023: above the rule set's filter line (10,000), below the campaign's (12,000).
    const facts = {
      status: { kind: 'poverty-alleviated', yearLeftPoverty: 2019 },
      incomes: [
        {
          period: { kind: 'calendar-year', year: 2023 },
          netIncomeFen: 4_400_000,
          perCapitaNetIncomeFen: 1_100_000,
          divisorMembers: 4,
          transferFen: 0,
          recordedOn: '2024-03-01',
        },
      ],
    } as const;
    campaigns.put(
      sichuanCampaign({
        campaignId: '51-2030',
        lines: { monitoringLineFen: 740_000, inspectionFilterLineFen: 1_200_000 },
      }),
    );
    const byGroup = visit({ method: 'group-assessment' });
    const atDefault = await commands.recordVisit(at(newHousehold(facts)), byGroup, ctx());
    expect(atDefault.events.at(-1)).toMatchObject({
      type: 'HouseholdInspectionCompleted',
      data: { keyGroupRuleIds: [] },
    });
    const error = await refusal(
      commands.recordVisit({ campaignId: '51-2030', householdId: newHousehold(facts) }, byGroup, ctx()),
    );
    expect(error.code).toBe('inspection.household-visit-required');
    expect(error.message).toContain('key-group.below-filter-line');
  });

  it('refuses findings that do not fit the checklist with every field at once, and writes nothing', async () => {
    const id = newHousehold();
    const findings = { income: { answers: { 'income-dropped': 'yes', nonsense: true }, note: null, evidence: [] } };
    const error = await refusal(commands.recordVisit(at(id), visit({ findings: findings as never }), ctx()));
    expect(error).toBeInstanceOf(FindingsInvalid);
    expect(error.problems.map((p) => p.field)).toEqual([
      'findings.income.answers.income-dropped',
      'findings.income.answers.nonsense',
    ]);
    expect(await typesOf(id)).toEqual([]);
  });

  it('refuses completion with areas unanswered, listing them', async () => {
    const id = newHousehold();
    const error = await refusal(commands.recordVisit(at(id), visit({ findings: cleanFindings(['income']) }), ctx()));
    expect(error.code).toBe('inspection.areas-unanswered');
    expect(error.message).toContain('policy-awareness');
  });

  it('records the rules’ suggestion with an id that a re-evaluation names again', async () => {
    const id = newHousehold();
    const findings = riskFindings();
    const first = await commands.recordContact(
      at(id),
      { contactId: 'c-1', method: 'household-visit', contactedOn: '2024-10-14', findings },
      ctx(),
    );
    expect(first.events.map((e) => e.type)).toEqual([
      'HouseholdInspectionOpened',
      'HouseholdContactRecorded',
      'InspectionSuggestionsRecorded',
    ]);
    const completed = await commands.complete(at(id), ctx());
    expect(completed.events.map((e) => e.type)).toEqual(['HouseholdInspectionCompleted']);
    const view = await queries.inspection(at(id), callerOf(INSPECTOR));
    expect(view).toMatchObject({
      status: 'completed',
      round: 1,
      answeredAreas: expect.arrayContaining(['income']),
    });
    expect(view?.suggestions).toHaveLength(1);
    expect(view?.suggestions[0].suggestion).toMatchObject({
      ruleId: 'at-risk.relapse-risk-finding',
      category: 'marginal-prone-to-poverty',
    });
  });

  it('replays a re-sent visit under its idempotency key', async () => {
    const id = newHousehold();
    const first = await commands.recordVisit(at(id), visit(), ctx(COUNTY_OFFICIAL, { idempotencyKey: 'visit-1' }));
    const again = await commands.recordVisit(at(id), visit(), ctx(COUNTY_OFFICIAL, { idempotencyKey: 'visit-1' }));
    expect(again).toMatchObject({ replayed: true, lastPosition: first.lastPosition });
    expect(await typesOf(id)).toHaveLength(3);
  });
});

describe('placement and access', () => {
  it('refuses a caller outside the household’s village with access.outside-area, before anything else', async () => {
    const id = newHousehold();
    expect((await refusal(commands.recordVisit(at(id), visit(), ctx(ELSEWHERE)))).code).toBe('access.outside-area');
    expect((await refusal(queries.inspection(at(id), callerOf(ELSEWHERE)))).code).toBe('access.outside-area');
  });

  it('refuses an inspector deciding on suggestions (inspection.decide)', async () => {
    const id = newHousehold();
    const error = await refusal(commands.dismiss(at(id), { suggestionId: 'x', reason: 'r' }, ctx(INSPECTOR)));
    expect(error.code).toBe('access.permission-denied');
  });

  it('answers household.not-known and campaign.not-found', async () => {
    expect((await refusal(commands.recordVisit(at('nobody'), visit(), ctx()))).code).toBe('household.not-known');
    const id = newHousehold();
    const error = await refusal(commands.recordVisit({ campaignId: '51-2023', householdId: id }, visit(), ctx()));
    expect(error.code).toBe('campaign.not-found');
  });

  it('refuses a household of another province than the campaign’s', async () => {
    campaigns.put(sichuanCampaign({ campaignId: '50-2024', provinceCode: '50' }));
    const id = newHousehold();
    const error = await refusal(commands.recordVisit({ campaignId: '50-2024', householdId: id }, visit(), ctx()));
    expect(error.code).toBe('inspection.household-outside-campaign');
  });

  it('refuses every change once the campaign is closed', async () => {
    campaigns.put(sichuanCampaign({ campaignId: '51-2023', year: 2023, closed: true }));
    const id = newHousehold();
    const error = await refusal(commands.recordVisit({ campaignId: '51-2023', householdId: id }, visit(), ctx()));
    expect(error.code).toBe('inspection.campaign-closed');
  });
});

describe('decisions', () => {
  it('accepts a suggestion, reopens for a revisit with the answers carried over', async () => {
    const id = newHousehold();
    const findings = riskFindings();
    await commands.recordVisit(at(id), visit({ findings }), ctx());
    const view = await queries.inspection(at(id), callerOf(COUNTY_OFFICIAL));
    const suggestionId = view!.suggestions[0].suggestion.suggestionId;
    const accepted = await commands.accept(
      at(id),
      { suggestionId, reason: '核实属实 / confirmed', riskTypes: ['illness'] },
      ctx(),
    );
    expect(accepted.events).toEqual([
      {
        type: 'InspectionSuggestionAccepted',
        data: {
          suggestionId,
          reason: '核实属实 / confirmed',
          decidedOn: '2024-10-15',
          category: 'marginal-prone-to-poverty',
          riskTypes: ['illness'],
        },
      },
    ]);
    await commands.reopen(at(id), '复查 / revisit', ctx());
    const reopened = await queries.inspection(at(id), callerOf(COUNTY_OFFICIAL));
    expect(reopened).toMatchObject({
      status: 'open',
      round: 2,
      answeredAreas: expect.arrayContaining(['income', 'policy-awareness']),
    });
    const revisit = await commands.recordVisit(at(id), visit({ contactId: 'c-2', findings: {} }), ctx());
    expect(revisit.events.map((e) => e.type)).toEqual([
      'HouseholdContactRecorded',
      'InspectionSuggestionsRecorded',
      'HouseholdInspectionCompleted',
    ]);
  });
});
