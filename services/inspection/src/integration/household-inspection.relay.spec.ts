import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { Principal } from '@relapse-watch/access';
import { createContractValidator } from '@relapse-watch/contracts/testing';
import { fixedOffsetClock } from '@relapse-watch/domain-kernel';
import type { StoredEvent } from '@relapse-watch/event-store-core';
import { parseCloudEvent } from '@relapse-watch/messaging-core';
import { HouseholdInspectionCommands } from '../application/household-inspection.commands';
import { callerOf } from '@relapse-watch/access';
import { inspectionRules } from '../application/inspection-rules.adapter';
import {
  CampaignsInMemory,
  householdFacts,
  HouseholdFactsInMemory,
  openTestStore,
  riskFindings,
  sichuanCampaign,
} from '../application/testing/household-inspection.test-support';
import { householdInspectionStreamId } from '../domain/household-inspection/household-inspection.decider';
import { householdInspectionRelay } from './household-inspection.relay';

// A visit that finds a risk, its acceptance, through the relay's part: valid CloudEvents of the
// contracts, keyed by the household, on the inspection's topic; the rest stays inside.
const OFFICIAL: Principal = {
  kind: 'user',
  id: 'o-1',
  role: 'township-official',
  unitCode: '511902001000',
  villageCodes: [],
};
let harness: ReturnType<typeof openTestStore>;
beforeAll(() => {
  harness = openTestStore();
});
afterAll(() => harness.dispose());

it('publishes the completion and the acceptance as the contracts’ CloudEvents, keyed by the household', async () => {
  const { store } = harness;
  const campaigns = new CampaignsInMemory();
  campaigns.put(sichuanCampaign());
  const households = new HouseholdFactsInMemory();
  const householdId = '0190f3a2-5555-7000-8000-000000000001';
  households.put(householdFacts(householdId));
  const clock = { ...fixedOffsetClock(480), now: () => new Date('2024-10-15T02:00:00Z') };
  const commands = new HouseholdInspectionCommands({ store, clock, campaigns, households, rules: inspectionRules });
  const at = { campaignId: '51-2024', householdId };
  const ctx = { caller: callerOf(OFFICIAL), correlationId: '0190f3a2-6666-7000-8000-000000000001' };
  const visit = await commands.recordVisit(
    at,
    { method: 'household-visit', contactedOn: '2024-10-14', findings: riskFindings(), complete: true },
    ctx,
  );
  const suggestionId = (visit.state.kind === 'opened' && visit.state.suggestions[0].suggestion.suggestionId) || '';
  await commands.accept(at, { suggestionId, reason: '核实属实', riskTypes: ['illness'] }, ctx);

  const relay = householdInspectionRelay(store);
  const stored: StoredEvent[] = [];
  for await (const e of store.readStream(householdInspectionStreamId('51-2024', householdId))) stored.push(e);
  const mapped = await Promise.all(stored.map(relay));
  expect(stored.map((e) => e.type)).toEqual([
    'HouseholdInspectionOpened',
    'HouseholdContactRecorded',
    'InspectionSuggestionsRecorded',
    'HouseholdInspectionCompleted',
    'InspectionSuggestionAccepted',
  ]);
  expect(mapped.map((m) => m === null)).toEqual([true, true, true, false, false]);
  const validator = createContractValidator();
  for (const m of mapped.filter((x) => x != null)) {
    expect(m.topic).toBe('relapsewatch.inspection.events.v1');
    expect(m.message.key).toBe(householdId);
    const envelope = parseCloudEvent(m.message.value);
    expect(envelope).toMatchObject({ subject: householdId, source: '/relapse-watch/inspection' });
    expect(validator.validate(envelope.type, envelope.data)).toEqual({ valid: true });
  }
  const flagged = parseCloudEvent(mapped[4]!.message.value);
  expect(flagged).toMatchObject({
    type: 'cn.relapsewatch.inspection.HouseholdFlaggedAtRisk.v1',
    data: { decidedBy: { role: 'township-official' } },
  });
  expect(await relay({ ...stored[0], streamId: 'inspection-campaign-51-2024' })).toBeUndefined();
});
