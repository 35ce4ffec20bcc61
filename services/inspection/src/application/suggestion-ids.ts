import { uuidV5 } from '@relapse-watch/event-store-core';
import type { Suggestion } from '@relapse-watch/inspection-rules';
import { subjectOf } from '../domain/household-inspection/household-inspection-suggestions.decide';
import type { RecordedSuggestion } from '../domain/household-inspection/household-inspection.events';

// Fixed namespace: changing it would give a re-evaluated suggestion a new id and record it twice.
const SUGGESTION_NAMESPACE = '5d1c2b3a-4e5f-4a6b-9c7d-8e9f0a1b2c3d';

/**
 * The rules' suggestions with their ids: derived from the stream, the round and what the
 * suggestion is about, so evaluating the rules again (a re-sent visit, a second contact) names
 * the same suggestion, and a dismissed one is not suggested again until a revisit opens a round.
 */
export function withSuggestionIds(
  streamId: string,
  round: number,
  suggestions: readonly Suggestion[],
): readonly RecordedSuggestion[] {
  return suggestions.map((suggestion) => ({
    ...suggestion,
    suggestionId: uuidV5(`${streamId}\n${round}\n${subjectOf(suggestion)}`, SUGGESTION_NAMESPACE),
  }));
}
