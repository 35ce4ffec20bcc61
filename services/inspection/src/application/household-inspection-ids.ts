import { uuidV5 } from '@relapse-watch/event-store-core';
import { v7 as uuidv7 } from 'uuid';
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

// Fixed namespace of the ids a request creates (contacts), derived from its idempotency key.
const REQUEST_NAMESPACE = '7e6d5c4b-3a29-4817-a6f5-e4d3c2b1a090';

/**
 * The id of a contact a request records without naming one: derived from the idempotency key
 * when there is one (a re-sent visit names the same contact), else a fresh UUIDv7.
 */
export function contactIdFor(streamId: string, idempotencyKey: string | undefined): string {
  return idempotencyKey === undefined ? uuidv7() : uuidV5(`contact\n${streamId}\n${idempotencyKey}`, REQUEST_NAMESPACE);
}
