import { describe, expect, it } from '@jest/globals';
import { deciderSpecification } from '@relapse-watch/event-store-testing';
import { coveredVillages, inspectorCoverageDecider, type TeamVillagesRecorded } from './inspector-coverage';
import { teamMembershipDecider, villagesThrough, type TeamMembershipRecorded } from './team-membership';

const V1 = '511923002201';
const V2 = '511923002202';
const V3 = '511923002203';

describe('team membership', () => {
  const spec = deciderSpecification(teamMembershipDecider);
  const record = (memberIds: string[], villageCodes: string[], active = true) => ({
    type: 'RecordTeamMembership' as const,
    data: { teamId: 'team-1', memberIds, villageCodes, active },
  });
  const recorded = (memberIds: string[], villageCodes: string[], formerMemberIds: string[], active = true) =>
    ({
      type: 'TeamMembershipRecorded',
      data: { teamId: 'team-1', memberIds, villageCodes, active, formerMemberIds },
    }) as TeamMembershipRecorded;

  it('given nothing, when a team is recorded, then its members and villages, sorted, with no former member', () => {
    spec
      .given([])
      .when(record(['u-b', 'u-a'], [V2, V1]))
      .thenEmits([recorded(['u-a', 'u-b'], [V1, V2], [])]);
  });

  it('given the team, when a member is no longer listed, then they are named former members', () => {
    spec
      .given([recorded(['u-a', 'u-b'], [V1], [])])
      .when(record(['u-b'], [V1]))
      .thenEmits([recorded(['u-b'], [V1], ['u-a'])]);
  });

  it('given the team, when the same team comes again (a redelivered message), then nothing is recorded', () => {
    spec
      .given([recorded(['u-a'], [V1], [])])
      .when(record(['u-a'], [V1]))
      .thenEmitsNothing();
  });

  it('given the team, when it is disbanded, then it is recorded inactive and gives its members no village', () => {
    spec
      .given([recorded(['u-a'], [V1], [])])
      .when(record(['u-a'], [V1], false))
      .thenEmits([recorded(['u-a'], [V1], [], false)]);
    const disbanded = spec.given([recorded(['u-a'], [V1], [], false)]).state();
    expect(disbanded && villagesThrough(disbanded, 'u-a')).toEqual([]);
  });

  it('when the team id is blank, then team-membership.team-id-required', () => {
    spec
      .given([])
      .when({ type: 'RecordTeamMembership', data: { teamId: '', memberIds: [], villageCodes: [], active: true } })
      .thenRejects({ code: 'team-membership.team-id-required', field: 'teamId' });
  });

  it('given one team, when another team’s record comes to its stream, then team-membership.team-mismatch', () => {
    spec
      .given([recorded(['u-a'], [V1], [])])
      .when({ type: 'RecordTeamMembership', data: { teamId: 'team-2', memberIds: [], villageCodes: [], active: true } })
      .thenRejects({ code: 'team-membership.team-mismatch', field: 'teamId' });
  });
});

describe('inspector coverage', () => {
  const spec = deciderSpecification(inspectorCoverageDecider);
  const through = (teamId: string, villageCodes: string[]): TeamVillagesRecorded => ({
    type: 'TeamVillagesRecorded',
    data: { userId: 'u-a', teamId, villageCodes },
  });

  it('given nothing, when a team gives villages, then they are recorded sorted', () => {
    spec
      .given([])
      .when({ type: 'RecordTeamVillages', data: { userId: 'u-a', teamId: 't1', villageCodes: [V2, V1] } })
      .thenEmits([through('t1', [V1, V2])]);
  });

  it('given the villages of a team, when the same come again, then nothing is recorded', () => {
    spec
      .given([through('t1', [V1])])
      .when({ type: 'RecordTeamVillages', data: { userId: 'u-a', teamId: 't1', villageCodes: [V1] } })
      .thenEmitsNothing();
  });

  it('the user’s villages are the union over their teams; a team that gives none any more drops out', () => {
    const two = spec.given([through('t1', [V1, V2]), through('t2', [V2, V3])]).state();
    expect(coveredVillages(two)).toEqual([V1, V2, V3]);
    const left = spec.given([through('t1', [V1, V2]), through('t2', [V2, V3]), through('t1', [])]).state();
    expect(left).toEqual({ t2: [V2, V3] });
    expect(coveredVillages(left)).toEqual([V2, V3]);
  });

  it('when the user id is blank, then inspector-coverage.id-required', () => {
    spec
      .given([])
      .when({ type: 'RecordTeamVillages', data: { userId: ' ', teamId: 't1', villageCodes: [] } })
      .thenRejects({ code: 'inspector-coverage.id-required', field: 'userId' });
  });
});
