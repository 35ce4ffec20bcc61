import type { EventStore } from '@relapse-watch/event-store-core';
import { foldReportEvent, settleHouseholds } from '../domain/reporting-fold';
import { ReportingState } from '../domain/reporting-state';
import { reportEventOf } from '../inbox/inbox-log';

/** What to fold of the inbox for an as-of report. */
export interface AsOfFold {
  /** Epoch milliseconds: events that happened after it are left out. */
  readonly until: number;
  /** Only this province's events count toward its units (other provinces' are skipped unread). */
  readonly provinceCode: string;
  readonly utcOffsetMinutes: number;
}

/**
 * The reporting's documents as of an instant, folded in memory from the whole inbox log in log
 * order: every event that happened (its CloudEvent `time`) at or before the instant. The same
 * log gives the same documents, so the same report, byte for byte. Events of other provinces
 * are skipped by their division code without being folded.
 */
export async function foldInboxUntil(inbox: EventStore, fold: AsOfFold): Promise<ReportingState> {
  const state = new ReportingState();
  const prefix = fold.provinceCode.slice(0, 2);
  // CloudEvent times are UTC with milliseconds (messaging-core's toCloudEvent): compared as text,
  // which is far cheaper than parsing each; any other form is parsed.
  const until = new Date(fold.until).toISOString();
  const happenedAfter = (time: string) =>
    time.length === until.length && time.endsWith('Z') ? time > until : Date.parse(time) > fold.until;
  for await (const stored of inbox.readAll()) {
    if (!stored.metadata.divisionCode.startsWith(prefix)) continue;
    if (happenedAfter(stored.metadata.occurredAt)) continue;
    foldReportEvent(state, reportEventOf(stored), fold.utcOffsetMinutes);
  }
  settleHouseholds(state);
  state.takeChanges();
  return state;
}
