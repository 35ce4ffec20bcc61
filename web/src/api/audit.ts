import { ApiFailure } from './api-error';
import { apiGet } from './client';

/** The services that keep a part of a household's history, in the order the page names them. */
export const AUDIT_SOURCES = ['registry', 'inspection', 'assistance'] as const;
export type AuditSource = (typeof AUDIT_SOURCES)[number];

/** One change of a household's history, as every service's audit route answers it. */
export interface AuditEntry {
  readonly position: number;
  readonly recordedAt: string;
  readonly occurredAt: string;
  readonly eventId: string;
  readonly eventType: string;
  readonly context: string;
  readonly summary: { readonly zh: string; readonly en: string };
  readonly reason: string | null;
  readonly actor: { readonly userId: string; readonly role: string };
  readonly correlationId: string;
  readonly erased: boolean;
}

/** A service's part of the trail. */
interface AuditPart {
  readonly householdId: string;
  readonly context: string;
  readonly entries: readonly AuditEntry[];
}

/** How a service's part came back. */
export type PartOutcome =
  | { readonly source: AuditSource; readonly kind: 'done'; readonly count: number }
  /** 404 `audit.household-unknown`: the service has no record of the household. */
  | { readonly source: AuditSource; readonly kind: 'none' }
  /** Refused (403) or failed: its entries are missing from the timeline. */
  | { readonly source: AuditSource; readonly kind: 'missing'; readonly error: unknown };

/** The merged trail: every entry by time, and what each service answered. */
export interface MergedTrail {
  readonly entries: readonly (AuditEntry & { readonly source: AuditSource })[];
  readonly parts: readonly PartOutcome[];
}

/**
 * Merges the services' answers into one timeline in the order the reporting service's merged
 * trail uses (`mergeAuditTrails`): by when each change was recorded (the only clock the stores
 * share, compared as instants), then a store's position, the context, the event id. A 404 is a
 * service that never knew the household; any other failure is a part missing from the page.
 */
export function mergeTrail(answers: readonly (readonly [AuditSource, PromiseSettledResult<AuditPart>])[]): MergedTrail {
  const entries: (AuditEntry & { source: AuditSource })[] = [];
  const parts: PartOutcome[] = [];
  for (const [source, answer] of answers) {
    if (answer.status === 'fulfilled') {
      entries.push(...answer.value.entries.map((entry) => ({ ...entry, source })));
      parts.push({ source, kind: 'done', count: answer.value.entries.length });
    } else if (answer.reason instanceof ApiFailure && answer.reason.status === 404) {
      parts.push({ source, kind: 'none' });
    } else {
      parts.push({ source, kind: 'missing', error: answer.reason });
    }
  }
  entries.sort(compareEntries);
  return { entries, parts };
}

function compareEntries(a: AuditEntry, b: AuditEntry): number {
  const ta = Date.parse(a.recordedAt);
  const tb = Date.parse(b.recordedAt);
  const byTime = Number.isNaN(ta) || Number.isNaN(tb) ? compareText(a.recordedAt, b.recordedAt) : ta - tb;
  return byTime || a.position - b.position || compareText(a.context, b.context) || compareText(a.eventId, b.eventId);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Reads the three parts at once; one refused or failing leaves the others. */
export async function householdTrail(householdId: string, signal?: AbortSignal): Promise<MergedTrail> {
  const id = encodeURIComponent(householdId);
  const answers = await Promise.allSettled(
    AUDIT_SOURCES.map((source) => apiGet<AuditPart>(`/api/${source}/audit/households/${id}`, signal)),
  );
  if (signal?.aborted) throw new DOMException('aborted', 'AbortError');
  return mergeTrail(AUDIT_SOURCES.map((source, i) => [source, answers[i]!] as const));
}
