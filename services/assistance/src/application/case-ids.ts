import { uuidV5 } from '@relapse-watch/event-store-core';

// A fixed namespace: changing it would give a household's next episode another case id.
const CASE_NAMESPACE = '0b6f2a1e-58c4-4d8e-9f3a-7c2d1e4b5a69';

/**
 * The id of a household's n-th monitoring case (0 the first): derived, so two leads that arrive
 * together for a household without a running case name the same new case, and one of them adds
 * its lead to it instead of opening another.
 */
export function caseIdOf(householdId: string, episodeIndex: number): string {
  return uuidV5(`case\n${householdId}\n${episodeIndex}`, CASE_NAMESPACE);
}

/**
 * The id of the case a household's national record was imported as: derived from the household
 * alone (a household has one imported record), so a re-run or a resumed import names the same
 * case, and apart from {@link caseIdOf}'s ids, so no lead's case can take it.
 */
export function importedCaseIdOf(householdId: string): string {
  return uuidV5(`imported-case\n${householdId}`, CASE_NAMESPACE);
}
