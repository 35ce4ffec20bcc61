import { deciderSpecification } from '@relapse-watch/event-store-testing';
import type { ChangeTeamCoverage, ChangeTeamMembers, DisbandTeam, FormTeam, TeamFacts } from './team.commands';
import { teamDecider, teamStreamId } from './team.decider';
import type { TeamDisbanded, TeamFormed } from './team.events';

const spec = deciderSpecification(teamDecider);
const TOWNSHIP = '511921100000';
const V1 = '511921100201';
const V2 = '511921100202';
const V3 = '511921100203';
const open: TeamFacts = { campaign: 'open' };
const TEAM = '0190f3a0-0000-7000-8000-000000000001';

const formData: FormTeam['data'] = {
  teamId: TEAM,
  campaignId: '51-2024',
  name: '红星村排查组',
  townshipCode: TOWNSHIP,
  villageCodes: [V2, V1],
  members: [
    { userId: 'u-zhao', role: 'grid-worker' },
    { userId: 'u-chen', role: 'official' },
  ],
};
const form = (data: Partial<FormTeam['data']> = {}, facts: TeamFacts = open): FormTeam => ({
  type: 'FormTeam',
  data: { ...formData, ...data },
  facts,
});
const formed: TeamFormed = {
  type: 'TeamFormed',
  data: {
    ...formData,
    villageCodes: [V1, V2],
    members: [
      { userId: 'u-chen', role: 'official' },
      { userId: 'u-zhao', role: 'grid-worker' },
    ],
  },
};
const members = (m: ChangeTeamMembers['data']['members'], facts = open): ChangeTeamMembers => ({
  type: 'ChangeTeamMembers',
  data: { teamId: TEAM, members: m },
  facts,
});
const coverage = (villageCodes: readonly string[], facts = open): ChangeTeamCoverage => ({
  type: 'ChangeTeamCoverage',
  data: { teamId: TEAM, villageCodes },
  facts,
});
const disband = (reason = '村合并', facts = open): DisbandTeam => ({
  type: 'DisbandTeam',
  data: { teamId: TEAM, reason },
  facts,
});
const disbanded: TeamDisbanded = {
  type: 'TeamDisbanded',
  data: { teamId: TEAM, campaignId: '51-2024', reason: '村合并' },
};

describe('team stream', () => {
  it('is inspection-team-<teamId>', () => {
    expect(teamStreamId(TEAM)).toBe(`inspection-team-${TEAM}`);
  });
});

describe('FormTeam', () => {
  it('given an open campaign, when formed, then TeamFormed with villages and members sorted', () => {
    spec.given([]).when(form()).thenEmits([formed]);
  });

  it('given the team was formed, when the same form comes again, then nothing happens', () => {
    spec.given([formed]).when(form()).thenEmitsNothing();
  });

  it('given the team was formed, when formed with another name, then team.already-formed', () => {
    spec
      .given([formed])
      .when(form({ name: '另一组' }))
      .thenRejects({ code: 'team.already-formed', field: 'teamId' });
  });

  it('given the team was disbanded, when the same form comes again, then team.already-formed', () => {
    spec.given([formed, disbanded]).when(form()).thenRejects({ code: 'team.already-formed', field: 'teamId' });
  });

  it('given the campaign is not launched, then team.campaign-not-launched', () => {
    spec
      .given([])
      .when(form({}, { campaign: 'not-launched' }))
      .thenRejects({ code: 'team.campaign-not-launched', field: 'campaignId' });
  });

  it('given the campaign is closed, then team.campaign-closed', () => {
    spec
      .given([])
      .when(form({}, { campaign: 'closed' }))
      .thenRejects({ code: 'team.campaign-closed', field: 'campaignId' });
  });

  it('when the campaign id or team id is malformed, then both are reported', () => {
    const error = spec
      .given([])
      .when(form({ teamId: '', campaignId: '51/2024' }))
      .thenRejects({ code: 'team.id-required', field: 'teamId' });
    expect(error.problems.map((p) => p.code)).toContain('team.campaign-id');
  });

  it('when the name is blank, then team.name-required', () => {
    spec
      .given([])
      .when(form({ name: '' }))
      .thenRejects({ code: 'team.name-required', field: 'name' });
  });

  it('when the township is a county, then team.township-tier', () => {
    spec
      .given([])
      .when(form({ townshipCode: '511921000000' }))
      .thenRejects({ code: 'team.township-tier', field: 'townshipCode' });
  });

  it('when the township is in another province than the campaign, then team.township-outside-province', () => {
    spec
      .given([])
      .when(form({ townshipCode: '521921100000', villageCodes: ['521921100201'] }))
      .thenRejects({ code: 'team.township-outside-province', field: 'townshipCode' });
  });

  it('when a village lies in another township, is not a village or repeats, then each is reported', () => {
    const error = spec
      .given([])
      .when(form({ villageCodes: [V1, '511921101201', '511921100000', V1] }))
      .thenRejects({ code: 'team.village-outside-township', field: 'villageCodes.1' });
    expect(error.problems.map((p) => [p.code, p.field])).toEqual([
      ['team.village-outside-township', 'villageCodes.1'],
      ['team.village-tier', 'villageCodes.2'],
      ['team.village-duplicate', 'villageCodes.3'],
    ]);
  });

  it('when no village is covered, then team.villages-required', () => {
    spec
      .given([])
      .when(form({ villageCodes: [] }))
      .thenRejects({ code: 'team.villages-required', field: 'villageCodes' });
  });

  it('when there are no members, then team.members-required', () => {
    spec
      .given([])
      .when(form({ members: [] }))
      .thenRejects({ code: 'team.members-required', field: 'members' });
  });

  it('when a role is unknown, a user repeats or an id is blank, then each is reported', () => {
    const error = spec
      .given([])
      .when(
        form({
          members: [
            { userId: 'u-chen', role: 'official' },
            { userId: 'u-chen', role: 'grid-worker' },
            { userId: 'u-li', role: 'village-inspector' as 'official' },
            { userId: '', role: 'official' },
          ],
        }),
      )
      .thenRejects({ code: 'team.member-duplicate', field: 'members.1.userId' });
    expect(error.problems.map((p) => p.code)).toEqual([
      'team.member-duplicate',
      'team.member-role',
      'team.member-user-id',
    ]);
  });

  it('copies only the team fields into the event', () => {
    spec
      .given([])
      .when(form({ leaderName: '陈' } as Partial<FormTeam['data']>))
      .thenEmits([formed]);
  });
});

describe('ChangeTeamMembers', () => {
  const next = [{ userId: 'u-wu', role: 'monitoring-contact' as const }];

  it('given an active team, when its members change, then TeamMembersChanged', () => {
    spec
      .given([formed])
      .when(members(next))
      .thenEmits([{ type: 'TeamMembersChanged', data: { teamId: TEAM, campaignId: '51-2024', members: next } }]);
  });

  it('given the same members in another order, then nothing happens', () => {
    spec
      .given([formed])
      .when(members([...formData.members].reverse()))
      .thenEmitsNothing();
  });

  it('given no team, then team.not-formed', () => {
    spec.given([]).when(members(next)).thenRejects({ code: 'team.not-formed', field: 'teamId' });
  });

  it('given a disbanded team, then team.disbanded', () => {
    spec.given([formed, disbanded]).when(members(next)).thenRejects({ code: 'team.disbanded', field: 'teamId' });
  });

  it('given a closed campaign, then team.campaign-closed', () => {
    spec
      .given([formed])
      .when(members(next, { campaign: 'closed' }))
      .thenRejects({ code: 'team.campaign-closed', field: 'campaignId' });
  });

  it('when no member is left, then team.members-required', () => {
    spec.given([formed]).when(members([])).thenRejects({ code: 'team.members-required', field: 'members' });
  });
});

describe('ChangeTeamCoverage', () => {
  it('given an active team, when its villages change, then TeamCoverageChanged with what was added and removed', () => {
    spec
      .given([formed])
      .when(coverage([V3, V2]))
      .thenEmits([
        {
          type: 'TeamCoverageChanged',
          data: { teamId: TEAM, campaignId: '51-2024', villageCodes: [V2, V3], added: [V3], removed: [V1] },
        },
      ]);
  });

  it('given the same villages in another order, then nothing happens', () => {
    spec
      .given([formed])
      .when(coverage([V2, V1]))
      .thenEmitsNothing();
  });

  it('when a village lies outside the team’s township, then team.village-outside-township', () => {
    spec
      .given([formed])
      .when(coverage([V1, '511921101201']))
      .thenRejects({ code: 'team.village-outside-township', field: 'villageCodes.1' });
  });

  it('when no village is left, then team.villages-required', () => {
    spec.given([formed]).when(coverage([])).thenRejects({ code: 'team.villages-required', field: 'villageCodes' });
  });

  it('given a disbanded team, then team.disbanded', () => {
    spec
      .given([formed, disbanded])
      .when(coverage([V3]))
      .thenRejects({ code: 'team.disbanded', field: 'teamId' });
  });

  it('given the campaign is closed, then team.campaign-closed', () => {
    spec
      .given([formed])
      .when(coverage([V3], { campaign: 'closed' }))
      .thenRejects({ code: 'team.campaign-closed', field: 'campaignId' });
  });
});

describe('DisbandTeam', () => {
  it('given an active team, when disbanded, then TeamDisbanded', () => {
    spec.given([formed]).when(disband()).thenEmits([disbanded]);
  });

  it('given a disbanded team, when disbanded again, then nothing happens', () => {
    spec.given([formed, disbanded]).when(disband('再次')).thenEmitsNothing();
  });

  it('given no team, then team.not-formed', () => {
    spec.given([]).when(disband()).thenRejects({ code: 'team.not-formed', field: 'teamId' });
  });

  it('when the reason is blank, then team.reason-required', () => {
    spec.given([formed]).when(disband(' ')).thenRejects({ code: 'team.reason-required', field: 'reason' });
  });

  it('given the campaign is closed, then team.campaign-closed', () => {
    spec
      .given([formed])
      .when(disband('村合并', { campaign: 'closed' }))
      .thenRejects({ code: 'team.campaign-closed', field: 'campaignId' });
  });

  it('evolve keeps the disbanded team with its reason', () => {
    expect(spec.given([formed, disbanded]).state()).toMatchObject({ kind: 'formed', disbanded: { reason: '村合并' } });
  });
});
