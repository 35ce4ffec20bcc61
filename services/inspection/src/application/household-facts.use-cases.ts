import { DomainError } from '@relapse-watch/domain-kernel';
import type { HouseholdFacts } from '@relapse-watch/inspection-rules';
import type { HouseholdFactsQueries } from '@relapse-watch/household-view';
import { authorizeCaller, type Caller } from '@relapse-watch/access';

/**
 * One household's facts for a caller: refused outside their area, and "not known" until the
 * registry's registration has reached the inspection (it learns households from the bus, so a
 * household just registered may take a moment; the position a client holds is the registry's,
 * not ours, so `X-Min-Position` cannot say when).
 * @throws DomainError `household.not-known` (404), `access.*` (403)
 */
export async function householdFactsFor(
  queries: HouseholdFactsQueries,
  householdId: string,
  caller: Caller,
): Promise<HouseholdFacts> {
  authorizeCaller(caller, 'inspection.read', undefined, 'householdId');
  const facts = await queries.facts(householdId);
  if (facts === null)
    throw new DomainError({
      code: 'household.not-known',
      field: 'householdId',
      message: '排查服务尚未收到该农户的信息 / the inspection has not learnt of this household (yet)',
    });
  authorizeCaller(caller, 'inspection.read', facts.villageCode, 'householdId');
  return facts;
}
