import { DomainError } from '@relapse-watch/domain-kernel';
import { handleCommand, type CommandContext, type EventStore } from '@relapse-watch/event-store-core';
import {
  villageReservationDecider,
  villageReservationStreamId,
  type VillageReservationData,
} from '../domain/village-reservation/village-reservation';
import { withoutKey } from '@relapse-watch/service-runtime';

/** The villages a team of a campaign takes or gives up. */
export interface VillageClaim {
  readonly campaignId: string;
  readonly teamId: string;
  readonly villageCodes: readonly string[];
}

function dataOf(claim: VillageClaim, villageCode: string): VillageReservationData {
  return { campaignId: claim.campaignId, villageCode, teamId: claim.teamId };
}

// The reservations take the key (a replay is recognised as this command's own) but not the
// If-Match revision, which is the team stream's.
function reservationContext(ctx: CommandContext): CommandContext {
  return { ...ctx, expectedRevision: undefined };
}

/**
 * One team per village per campaign, across streams without a transaction (the registry's
 * reserve-then, for several keys): reserves each village (in code order) on its
 * `inspection-village-<campaign>-<village>` stream, then runs `thenDo` (the team's append), and
 * releases the villages this command reserved when a reservation or `thenDo` is refused by a
 * domain rule. A village another team holds is refused with that team's id
 * (`VillageHeldByAnotherTeam`, 422 `team.village-covered`).
 *
 * The crash window is the registry's: a process that dies between the reservations and the
 * append leaves villages reserved for a team that does not show them; the retry with the same
 * idempotency key finds the reservations as its own (replays) and completes or releases. A
 * stale replay (reserved, refused, released under this key before) is decided again without the key.
 */
export async function reserveVillagesThen<Result>(
  store: EventStore,
  claim: VillageClaim,
  ctx: CommandContext,
  thenDo: () => Promise<Result>,
): Promise<Result> {
  const reserveCtx = reservationContext(ctx);
  const madeHere: string[] = [];
  try {
    for (const villageCode of [...claim.villageCodes].sort()) {
      const streamId = villageReservationStreamId(claim.campaignId, villageCode);
      const reserve = { type: 'ReserveVillage' as const, data: dataOf(claim, villageCode) };
      let result = await handleCommand(store, streamId, villageReservationDecider, reserve, reserveCtx);
      if (!(result.state.kind === 'held' && result.state.teamId === claim.teamId))
        result = await handleCommand(store, streamId, villageReservationDecider, reserve, withoutKey(reserveCtx));
      // Events, fresh or replayed under this key, mean this command made the reservation; none,
      // that the team already held the village and must keep it whatever happens.
      if (result.events.length > 0) madeHere.push(villageCode);
    }
    return await thenDo();
  } catch (error) {
    if (error instanceof DomainError) await releaseQuietly(store, { ...claim, villageCodes: madeHere }, ctx);
    throw error;
  }
}

/**
 * Releases villages the team gave up, after its change was written. Without the key (the key's
 * event ids on a reservation stream belong to its reservation); a release is idempotent by state.
 */
export async function releaseVillages(store: EventStore, claim: VillageClaim, ctx: CommandContext): Promise<void> {
  const releaseCtx = withoutKey(reservationContext(ctx));
  for (const villageCode of claim.villageCodes) {
    const streamId = villageReservationStreamId(claim.campaignId, villageCode);
    const release = { type: 'ReleaseVillage' as const, data: dataOf(claim, villageCode) };
    await handleCommand(store, streamId, villageReservationDecider, release, releaseCtx);
  }
}

async function releaseQuietly(store: EventStore, claim: VillageClaim, ctx: CommandContext): Promise<void> {
  try {
    await releaseVillages(store, claim, ctx);
  } catch {
    // The caller needs the refusal that caused the release; the reservation then dangles as
    // after a crash, and a retry with the same key releases it.
  }
}
