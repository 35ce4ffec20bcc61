import { deciderSpecification } from '@relapse-watch/event-store-testing';
import {
  villageReservationDecider,
  villageReservationStreamId,
  VillageHeldByAnotherTeam,
  type VillageReservationData,
  type VillageReservationEvent,
} from './village-reservation';

const spec = deciderSpecification(villageReservationDecider);
const VILLAGE = '511921100201';
const teamA: VillageReservationData = { campaignId: '51-2024', villageCode: VILLAGE, teamId: 'team-a' };
const teamB: VillageReservationData = { ...teamA, teamId: 'team-b' };
const reserved = (data: VillageReservationData): VillageReservationEvent => ({ type: 'VillageReserved', data });
const released = (data: VillageReservationData): VillageReservationEvent => ({ type: 'VillageReleased', data });

describe('village reservation', () => {
  it('has the stream inspection-village-<campaign>-<village>, outside the published prefixes', () => {
    expect(villageReservationStreamId('51-2024', VILLAGE)).toBe(`inspection-village-51-2024-${VILLAGE}`);
  });

  it('given a free village, when a team reserves it, then VillageReserved', () => {
    spec
      .given([])
      .when({ type: 'ReserveVillage', data: teamA })
      .thenEmits([reserved(teamA)]);
  });

  it('given the team holds it, when it reserves again, then nothing happens', () => {
    spec
      .given([reserved(teamA)])
      .when({ type: 'ReserveVillage', data: teamA })
      .thenEmitsNothing();
  });

  it('given another team holds it, when reserved, then team.village-covered naming the holder', () => {
    const error = spec
      .given([reserved(teamA)])
      .when({ type: 'ReserveVillage', data: teamB })
      .thenRejects({ code: 'team.village-covered', field: 'villageCodes' });
    expect(error).toBeInstanceOf(VillageHeldByAnotherTeam);
    expect((error as VillageHeldByAnotherTeam).holderTeamId).toBe('team-a');
  });

  it('given it was released, when another team reserves, then VillageReserved', () => {
    spec
      .given([reserved(teamA), released(teamA)])
      .when({ type: 'ReserveVillage', data: teamB })
      .thenEmits([reserved(teamB)]);
  });

  it('given the team holds it, when it releases, then VillageReleased; again, nothing', () => {
    spec
      .given([reserved(teamA)])
      .when({ type: 'ReleaseVillage', data: teamA })
      .thenEmits([released(teamA)]);
    spec
      .given([reserved(teamA), released(teamA)])
      .when({ type: 'ReleaseVillage', data: teamA })
      .thenEmitsNothing();
  });

  it('given another team holds it, when released, then village-reservation.not-holder', () => {
    spec
      .given([reserved(teamA)])
      .when({ type: 'ReleaseVillage', data: teamB })
      .thenRejects({ code: 'village-reservation.not-holder', field: 'teamId' });
  });

  it('when an id is blank, then village-reservation.input', () => {
    spec
      .given([])
      .when({ type: 'ReserveVillage', data: { ...teamA, teamId: ' ' } })
      .thenRejects({ code: 'village-reservation.input', field: 'teamId' });
  });
});
