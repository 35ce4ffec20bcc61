import type { HouseholdFacts } from '@relapse-watch/inspection-rules';

/**
 * One household's facts as stored: the {@link HouseholdFacts} plus the codes of the units above
 * its village, flat so every read store can index and filter them, and the id of the last
 * registry event folded in. That id makes a redelivery a no-op even where the read store has no
 * transactions: a crash between the document write and the processed-id write leaves the
 * document already holding the event, and one household's events arrive in order (one key), so
 * only the last one can be redelivered that way.
 */
export interface HouseholdFactsDocument extends HouseholdFacts {
  readonly provinceCode: string;
  readonly cityCode: string;
  readonly countyCode: string;
  readonly townshipCode: string;
  readonly lastEventId: string;
}

/** Fields the queries filter on, each indexed. */
export const HOUSEHOLD_FACTS_INDEXES: readonly (readonly string[])[] = [
  ['villageCode'],
  ['townshipCode'],
  ['countyCode'],
  ['cityCode'],
  ['provinceCode'],
];

/** The 12-digit codes of the units a village lies in (the same cut as the registry's read model). */
export function unitCodesOf(villageCode: string) {
  const unit = (digits: number) => villageCode.slice(0, digits).padEnd(12, '0');
  return { provinceCode: unit(2), cityCode: unit(4), countyCode: unit(6), townshipCode: unit(9) };
}

/** The facts alone, without the storage fields. */
export function factsOf(document: HouseholdFactsDocument): HouseholdFacts {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { provinceCode, cityCode, countyCode, townshipCode, lastEventId, ...facts } = document;
  return facts;
}
