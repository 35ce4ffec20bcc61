import type { MonitoringEpisodeFacts } from '@relapse-watch/inspection-rules';
import type { EpisodeEvent } from './registry-facts.events';

/** An episode of monitoring as the view keeps it: the facts the rules read, and the case it is. */
export interface EpisodeRecord extends MonitoringEpisodeFacts {
  readonly caseId: string;
}

/**
 * A household's monitoring episodes as the assistance service published them, in a document of
 * their own (`<context>-household-episodes`), by household id: they arrive on the assistance
 * service's topic, and a document written from two topics at once could lose one write, so the
 * facts document stays the registry topic's alone and the queries join the two.
 */
export interface HouseholdEpisodesDocument {
  readonly householdId: string;
  /** Oldest identification first. */
  readonly episodes: readonly EpisodeRecord[];
  readonly lastEventId: string;
}

/**
 * Folds one assistance event (STYLE.md shape 5): an identification opens an episode (once per
 * case), an elimination closes the case's episode. The same document back for a redelivered last
 * event or an elimination of a case the view never saw identified (a caseload imported before the
 * view existed: its identification is not on the topic).
 */
export function evolveEpisodes(
  doc: HouseholdEpisodesDocument | null,
  event: EpisodeEvent,
): HouseholdEpisodesDocument | null {
  if (doc?.lastEventId === event.id) return doc;
  const { caseId, householdId, on } = event.data;
  const episodes = doc?.episodes ?? [];
  if (event.type === 'MonitoringSubjectIdentified') {
    if (episodes.some((e) => e.caseId === caseId)) return doc;
    const next = [...episodes, { caseId, identifiedOn: on, eliminatedOn: null }];
    next.sort((a, b) => (a.identifiedOn < b.identifiedOn ? -1 : a.identifiedOn > b.identifiedOn ? 1 : 0));
    return { householdId, episodes: next, lastEventId: event.id };
  }
  if (!episodes.some((e) => e.caseId === caseId && e.eliminatedOn !== on)) return doc;
  return {
    householdId,
    episodes: episodes.map((e) => (e.caseId === caseId ? { ...e, eliminatedOn: on } : e)),
    lastEventId: event.id,
  };
}

/** The episodes as the rules read them (without the case ids). */
export function episodeFacts(doc: HouseholdEpisodesDocument): readonly MonitoringEpisodeFacts[] {
  return doc.episodes.map(({ identifiedOn, eliminatedOn }) => ({ identifiedOn, eliminatedOn }));
}

/** Fields the queries filter episodes on, each indexed. */
export const HOUSEHOLD_EPISODES_INDEXES: readonly (readonly string[])[] = [['householdId']];
