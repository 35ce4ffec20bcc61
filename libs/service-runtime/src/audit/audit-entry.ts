import type { StoredEvent } from '@relapse-watch/event-store-core';

// The household audit trail (issue 13 item 3): every service describes its own private events
// in one shared shape, so the reporting service (and `relapse-watch audit household`) can merge
// the services' parts without knowing any of their event types.

/** What an auditor reads about one change: `中文` and English, never a personal value in clear. */
export interface AuditSummary {
  readonly zh: string;
  readonly en: string;
}

/** Who made a change: the user id (or `client:<id>`, `operator`) and the role they acted in; never a name. */
export interface AuditActor {
  readonly userId: string;
  readonly role: string;
}

/** One change in a household's history, as one service describes one of its stored events. */
export interface AuditEntry {
  /** The event's global position in its service's store (comparable within one store only). */
  readonly position: number;
  /** When the store wrote the event, ISO 8601. */
  readonly recordedAt: string;
  /** When it happened in the world, ISO 8601 (field work may be recorded later). */
  readonly occurredAt: string;
  readonly streamId: string;
  readonly eventId: string;
  readonly eventType: string;
  /** The bounded context whose store holds the event: `registry`, `inspection`, `assistance`. */
  readonly context: string;
  /** What changed, in words an auditor reads: field names and "changed", never a personal value. */
  readonly summary: AuditSummary;
  /** The official's stated why, when the event carries one; null otherwise. */
  readonly reason: string | null;
  readonly actor: AuditActor;
  readonly correlationId: string;
  readonly causationId: string | null;
  /** The event's personal data was crypto-shredded (the household's data key destroyed). */
  readonly erased: boolean;
}

/** One service's part of a household's trail: what `GET …/audit/households/{id}` answers. */
export interface AuditTrailPart {
  readonly householdId: string;
  readonly context: string;
  /** In the service's log order (by position). */
  readonly entries: readonly AuditEntry[];
}

/** What a describer says of one event; the trail adds the stored event's own facts. */
export interface AuditDescription {
  readonly summary: AuditSummary;
  readonly reason: string | null;
  /** The event carries personal data (it may be erased). */
  readonly personal: boolean;
}

/** What stands where a personal value was once the household's data key is destroyed. */
export const ERASED_TEXT: AuditSummary = { zh: '已删除', en: 'erased' };

/**
 * The audit entry of a stored event as its service described it. `erased` holds only for an
 * event that carried personal data: the other events of an erased household lost nothing.
 */
export function auditEntryOf(
  context: string,
  event: StoredEvent,
  description: AuditDescription,
  householdErased: boolean,
): AuditEntry {
  const { metadata } = event;
  return {
    position: event.position,
    recordedAt: event.recordedAt,
    occurredAt: metadata.occurredAt,
    streamId: event.streamId,
    eventId: event.id,
    eventType: event.type,
    context,
    summary: description.summary,
    reason: description.reason,
    actor: { userId: metadata.actor.userId, role: metadata.actor.role },
    correlationId: metadata.correlationId,
    causationId: metadata.causationId,
    erased: description.personal && householdErased,
  };
}

/**
 * Merges the services' parts of one household's trail into one history: by `recordedAt` (the
 * only clock the stores share), then `position` (one store's commit order for events written in
 * the same millisecond), then `context`, then `eventId`, so the same parts in any order give the
 * same list. Positions of different stores are not compared as a time: they only break ties.
 */
export function mergeAuditTrails(parts: readonly (AuditTrailPart | readonly AuditEntry[])[]): AuditEntry[] {
  const entries = parts.flatMap((part) => (isPart(part) ? part.entries : part));
  return [...entries].sort(compareAuditEntries);
}

/** The order {@link mergeAuditTrails} sorts by. */
export function compareAuditEntries(a: AuditEntry, b: AuditEntry): number {
  return (
    compareInstants(a.recordedAt, b.recordedAt) ||
    a.position - b.position ||
    compareText(a.context, b.context) ||
    compareText(a.eventId, b.eventId)
  );
}

function isPart(part: AuditTrailPart | readonly AuditEntry[]): part is AuditTrailPart {
  return !Array.isArray(part);
}

// Stores write ISO 8601 with or without an offset and with varying fractions: compare instants,
// and the text only when it is not a date (never expected; kept total so sorting stays stable).
function compareInstants(a: string, b: string): number {
  const ta = Date.parse(a);
  const tb = Date.parse(b);
  if (Number.isNaN(ta) || Number.isNaN(tb)) return compareText(a, b);
  return ta - tb;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A `中文 / English` message (the project's user-facing form) as an {@link AuditSummary}. */
export function splitBilingual(message: string): AuditSummary {
  const at = message.indexOf(' / ');
  return at < 0 ? { zh: message, en: message } : { zh: message.slice(0, at), en: message.slice(at + 3) };
}
