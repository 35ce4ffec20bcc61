import { deciderSpecification } from '@relapse-watch/event-store-testing';
import type { CloseCampaign, LaunchCampaign } from './campaign.commands';
import { campaignDecider, campaignStreamOf } from './campaign.decider';
import type { CampaignClosed, CampaignLaunched } from './campaign.events';
import { launch, launched } from './testing/campaign.fixtures';

const spec = deciderSpecification(campaignDecider);

const close = (data: Partial<CloseCampaign['data']> = {}): CloseCampaign => ({
  type: 'CloseCampaign',
  data: { provinceCode: '51', year: 2024, closedOn: '2024-12-20', reason: '排查结束', ...data },
});
const closed: CampaignClosed = {
  type: 'CampaignClosed',
  data: { campaignId: '51-2024', provinceCode: '51', year: 2024, closedOn: '2024-12-20', reason: '排查结束' },
};
const withData = (data: Partial<LaunchCampaign['data']>): LaunchCampaign => ({
  ...launch,
  data: { ...launch.data, ...data },
});

describe('campaign stream', () => {
  it('is inspection-campaign-<province>-<year>', () => {
    expect(campaignStreamOf('51', 2024)).toBe('inspection-campaign-51-2024');
  });
});

describe('LaunchCampaign', () => {
  it('given nothing, when launched, then CampaignLaunched with the policy in force and sorted lists', () => {
    const unsorted: LaunchCampaign = {
      ...launch,
      data: { ...launch.data, keyGroupRuleIds: ['key-group.new-social-assistance', 'key-group.income-drop'] },
      facts: {
        ...launch.facts,
        keyRegions: [
          { regionId: 'kr-1', kind: 'major-natural-disaster', divisionCodes: ['513400000000', '511100000000'] },
        ],
      },
    };
    const expected: CampaignLaunched = {
      type: 'CampaignLaunched',
      data: {
        ...launched.data,
        keyGroupRuleIds: ['key-group.income-drop', 'key-group.new-social-assistance'],
        keyRegions: [
          { regionId: 'kr-1', kind: 'major-natural-disaster', divisionCodes: ['511100000000', '513400000000'] },
        ],
      },
    };
    spec.given([]).when(unsorted).thenEmits([expected]);
  });

  it('given the campaign was launched, when the same launch comes again, then nothing happens', () => {
    spec.given([launched]).when(launch).thenEmitsNothing();
  });

  it('given the campaign was launched, when the same launch comes with other policy facts, then nothing happens (the launch day’s policy stays)', () => {
    spec
      .given([launched])
      .when({
        ...launch,
        facts: { ...launch.facts, lines: { monitoringThresholdFen: 1, inspectionFilterLineFen: null } },
      })
      .thenEmitsNothing();
  });

  it('given the campaign was launched, when launched with other terms, then campaign.already-launched', () => {
    spec
      .given([launched])
      .when(withData({ inspectBy: '2024-11-30' }))
      .thenRejects({ code: 'campaign.already-launched', field: 'provinceCode' });
  });

  it('when the province has no monitoring threshold in force, then campaign.threshold-not-published', () => {
    spec
      .given([])
      .when({
        ...launch,
        facts: { ...launch.facts, lines: { monitoringThresholdFen: null, inspectionFilterLineFen: null } },
      })
      .thenRejects({ code: 'campaign.threshold-not-published', field: 'launchedOn' });
  });

  it('when the province code or the year is implausible, then both are reported', () => {
    const error = spec
      .given([])
      .when(withData({ provinceCode: '5', year: 2019 }))
      .thenRejects({ code: 'campaign.province-code', field: 'provinceCode' });
    expect(error.problems.map((p) => p.code)).toContain('campaign.year');
  });

  it('when a date is not a real date, then campaign.date-format at that date', () => {
    spec
      .given([])
      .when(withData({ inspectBy: '2024-02-30' }))
      .thenRejects({ code: 'campaign.date-format', field: 'inspectBy' });
  });

  it('when the launch date is not in the campaign year, then campaign.launch-outside-year', () => {
    spec
      .given([])
      .when(withData({ launchedOn: '2023-12-30' }))
      .thenRejects({ code: 'campaign.launch-outside-year', field: 'launchedOn' });
  });

  it('when the teams are due before the launch, then campaign.dates-order at teamsInPlaceBy', () => {
    spec
      .given([])
      .when(withData({ teamsInPlaceBy: '2024-08-31' }))
      .thenRejects({ code: 'campaign.dates-order', field: 'teamsInPlaceBy' });
  });

  it('when the inspection is due before the teams, then campaign.dates-order at inspectBy', () => {
    spec
      .given([])
      .when(withData({ inspectBy: '2024-09-10' }))
      .thenRejects({ code: 'campaign.dates-order', field: 'inspectBy' });
  });

  it('when the three dates are the same day, then it is accepted', () => {
    const sameDay = withData({ launchedOn: '2024-09-01', teamsInPlaceBy: '2024-09-01', inspectBy: '2024-09-01' });
    const [event] = campaignDecider.decide(sameDay, campaignDecider.initialState);
    expect(event?.type).toBe('CampaignLaunched');
  });

  it('when the checklist version is malformed or unknown, then campaign.checklist-version', () => {
    spec
      .given([])
      .when(withData({ checklistVersion: 'v1' }))
      .thenRejects({ code: 'campaign.checklist-version', field: 'checklistVersion' });
    spec
      .given([])
      .when({ ...launch, facts: { ...launch.facts, checklistKnown: false } })
      .thenRejects({ code: 'campaign.checklist-version', field: 'checklistVersion' });
  });

  it('when the rule set is of another province or year, or unknown, then campaign.rule-set-version', () => {
    spec
      .given([])
      .when(withData({ ruleSetVersion: '52-2024.1' }))
      .thenRejects({ code: 'campaign.rule-set-version', field: 'ruleSetVersion' });
    spec
      .given([])
      .when({ ...launch, facts: { ...launch.facts, ruleSetKnown: false } })
      .thenRejects({ code: 'campaign.rule-set-version', field: 'ruleSetVersion' });
  });

  it('when a key-group rule id repeats or is not a code, then campaign.key-group-rule-ids', () => {
    spec
      .given([])
      .when(withData({ keyGroupRuleIds: ['income-drop', 'income-drop'] }))
      .thenRejects({ code: 'campaign.key-group-rule-ids', field: 'keyGroupRuleIds' });
    spec
      .given([])
      .when(withData({ keyGroupRuleIds: ['收入下降'] }))
      .thenRejects({ code: 'campaign.key-group-rule-ids', field: 'keyGroupRuleIds' });
  });

  it('when a key-group rule is not in the rule set, then campaign.key-group-rule-unknown at that rule', () => {
    spec
      .given([])
      .when({
        ...withData({ keyGroupRuleIds: ['key-group.income-drop', 'key-group.lottery-win'] }),
        facts: { ...launch.facts, unknownKeyGroupRuleIds: ['key-group.lottery-win'] },
      })
      .thenRejects({ code: 'campaign.key-group-rule-unknown', field: 'keyGroupRuleIds.1' });
  });

  it('copies only the campaign fields into the event', () => {
    const padded = withData({ note: '张德明' } as Partial<LaunchCampaign['data']>);
    spec.given([]).when(padded).thenEmits([launched]);
  });
});

describe('CloseCampaign', () => {
  it('given an open campaign, when closed, then CampaignClosed', () => {
    spec.given([launched]).when(close()).thenEmits([closed]);
  });

  it('given a closed campaign, when closed again, then nothing happens', () => {
    spec
      .given([launched, closed])
      .when(close({ reason: '再次结束' }))
      .thenEmitsNothing();
  });

  it('given nothing, when closed, then campaign.not-launched', () => {
    spec.given([]).when(close()).thenRejects({ code: 'campaign.not-launched', field: 'provinceCode' });
  });

  it('when closed before the launch date, then campaign.closed-before-launch', () => {
    spec
      .given([launched])
      .when(close({ closedOn: '2024-08-31' }))
      .thenRejects({ code: 'campaign.closed-before-launch', field: 'closedOn' });
  });

  it('when the reason is blank or the date malformed, then both are reported', () => {
    const error = spec
      .given([launched])
      .when(close({ reason: ' ', closedOn: '20241220' }))
      .thenRejects({ code: 'campaign.date-format', field: 'closedOn' });
    expect(error.problems.map((p) => p.code)).toEqual(['campaign.date-format', 'campaign.reason-required']);
  });

  it('given a closed campaign, evolve keeps its terms and the closing', () => {
    const state = spec.given([launched, closed]).state();
    expect(state).toMatchObject({
      kind: 'closed',
      closed: { closedOn: '2024-12-20' },
      campaign: { inspectBy: '2024-12-15' },
    });
  });
});
