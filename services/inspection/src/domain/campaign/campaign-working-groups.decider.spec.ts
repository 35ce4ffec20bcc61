import { deciderSpecification } from '@relapse-watch/event-store-testing';
import type { WorkingGroupData } from './campaign.commands';
import { campaignDecider } from './campaign.decider';
import type { CampaignClosed, WorkingGroupFormed } from './campaign.events';
import { launched } from './testing/campaign.fixtures';

const spec = deciderSpecification(campaignDecider);
const COUNTY = '511921000000';
const group: WorkingGroupData = {
  provinceCode: '51',
  year: 2024,
  unitCode: COUNTY,
  members: [
    { userId: 'u-zhou', duty: 'member' },
    { userId: 'u-li', duty: 'leader' },
  ],
};
const form = (data: Partial<WorkingGroupData> = {}) => ({
  type: 'FormWorkingGroup' as const,
  data: { ...group, ...data },
});
const change = (data: Partial<WorkingGroupData> = {}) => ({
  type: 'ChangeWorkingGroupMembers' as const,
  data: { ...group, ...data },
});
const formed: WorkingGroupFormed = {
  type: 'WorkingGroupFormed',
  data: {
    campaignId: '51-2024',
    provinceCode: '51',
    year: 2024,
    unitCode: COUNTY,
    tier: 'county',
    // Sorted by user id.
    members: [
      { userId: 'u-li', duty: 'leader' },
      { userId: 'u-zhou', duty: 'member' },
    ],
  },
};
const closed: CampaignClosed = {
  type: 'CampaignClosed',
  data: { campaignId: '51-2024', provinceCode: '51', year: 2024, closedOn: '2024-12-20', reason: '排查结束' },
};

describe('FormWorkingGroup', () => {
  it('given an open campaign, when a county forms its group, then WorkingGroupFormed at the county tier', () => {
    spec.given([launched]).when(form()).thenEmits([formed]);
  });

  it('given the group was formed, when the same members come again in another order, then nothing happens', () => {
    spec
      .given([launched, formed])
      .when(form({ members: [...group.members].reverse() }))
      .thenEmitsNothing();
  });

  it('given the group was formed, when formed with other members, then working-group.already-formed', () => {
    spec
      .given([launched, formed])
      .when(form({ members: [{ userId: 'u-wang', duty: 'leader' }] }))
      .thenRejects({ code: 'working-group.already-formed', field: 'unitCode' });
  });

  it('given no campaign, when a group is formed, then campaign.not-launched', () => {
    spec.given([]).when(form()).thenRejects({ code: 'campaign.not-launched', field: 'provinceCode' });
  });

  it('given a closed campaign, when a group is formed, then campaign.closed', () => {
    spec.given([launched, closed]).when(form()).thenRejects({ code: 'campaign.closed', field: 'provinceCode' });
  });

  it('when the unit is a village, then working-group.unit-tier', () => {
    spec
      .given([launched])
      .when(form({ unitCode: '511921100201' }))
      .thenRejects({ code: 'working-group.unit-tier', field: 'unitCode' });
  });

  it('when the unit is in another province, then working-group.unit-outside-province', () => {
    spec
      .given([launched])
      .when(form({ unitCode: '520100000000' }))
      .thenRejects({ code: 'working-group.unit-outside-province', field: 'unitCode' });
  });

  it('when the unit code is malformed, then the division code rule at unitCode', () => {
    const error = spec
      .given([launched])
      .when(form({ unitCode: '5119' }))
      .thenRejects({ code: expect.any(String) as string, field: 'unitCode' });
    expect(error.code).toMatch(/^division-code\./);
  });

  it('when there are no members, then working-group.members-required', () => {
    spec
      .given([launched])
      .when(form({ members: [] }))
      .thenRejects({ code: 'working-group.members-required', field: 'members' });
  });

  it('when nobody leads, then working-group.leader-required', () => {
    spec
      .given([launched])
      .when(form({ members: [{ userId: 'u-li', duty: 'deputy' }] }))
      .thenRejects({ code: 'working-group.leader-required', field: 'members' });
  });

  it('when a user is listed twice, a duty is unknown and an id is blank, then every problem is reported', () => {
    const members = [
      { userId: 'u-li', duty: 'leader' as const },
      { userId: 'u-li', duty: 'member' as const },
      { userId: 'u-wu', duty: 'chief' as 'member' },
      { userId: ' ', duty: 'member' as const },
    ];
    const error = spec
      .given([launched])
      .when(form({ members }))
      .thenRejects({ code: 'working-group.member-duplicate', field: 'members.1.userId' });
    expect(error.problems.map((p) => [p.code, p.field])).toEqual([
      ['working-group.member-duplicate', 'members.1.userId'],
      ['working-group.member-duty', 'members.2.duty'],
      ['working-group.member-user-id', 'members.3.userId'],
    ]);
  });
});

describe('ChangeWorkingGroupMembers', () => {
  const changed = [{ userId: 'u-wang', duty: 'leader' as const }];

  it('given the group was formed, when its members change, then WorkingGroupMembersChanged with the whole list', () => {
    spec
      .given([launched, formed])
      .when(change({ members: changed }))
      .thenEmits([{ type: 'WorkingGroupMembersChanged', data: { ...formed.data, members: changed } }]);
  });

  it('given the group has these members, when changed to the same, then nothing happens', () => {
    spec.given([launched, formed]).when(change()).thenEmitsNothing();
  });

  it('given no group of the unit, when changed, then working-group.not-formed', () => {
    spec.given([launched]).when(change()).thenRejects({ code: 'working-group.not-formed', field: 'unitCode' });
  });

  it('given a closed campaign, when changed, then campaign.closed', () => {
    spec
      .given([launched, formed, closed])
      .when(change({ members: changed }))
      .thenRejects({ code: 'campaign.closed', field: 'provinceCode' });
  });

  it('when the change leaves no leader, then working-group.leader-required', () => {
    spec
      .given([launched, formed])
      .when(change({ members: [{ userId: 'u-li', duty: 'member' }] }))
      .thenRejects({ code: 'working-group.leader-required', field: 'members' });
  });
});
