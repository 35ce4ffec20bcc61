import type { CaseDetail, StepRecord } from '../api/assistance';
import type { MessageKey } from '../i18n/messages';

/** One step taken on a case, as the history table lists it. */
export interface HistoryRow {
  readonly key: string;
  readonly label: MessageKey;
  readonly record: StepRecord;
}

/**
 * Every step the case's procedure recorded — the opening, further leads, the identification's
 * steps, notices and objections, the elimination's steps and follow-up visits — by the day it
 * happened (steps of one day in the procedure's order).
 */
export function historyOf(procedure: CaseDetail['procedure']): HistoryRow[] {
  const rows: HistoryRow[] = [];
  const add = (key: string, label: MessageKey, record: StepRecord | null | undefined) => {
    if (record !== null && record !== undefined) rows.push({ key, label, record });
  };
  add('opening', 'case.rec.opening', procedure.opening);
  procedure.leads.slice(1).forEach((lead, i) => add(`lead-${i}`, 'case.rec.lead', lead));
  const ident = procedure.identification;
  add('acceptance', 'case.rec.acceptance', ident.acceptance);
  add('dismissal', 'case.rec.dismissal', ident.dismissal);
  add('home', 'case.rec.homeVerification', ident.homeVerification);
  add('comparison', 'case.rec.comparison', ident.comparison);
  add('village', 'case.rec.villageReview', ident.villageReview);
  procedure.notices.forEach((notice, i) => {
    add(`notice-${i}`, 'case.rec.noticePosted', notice.posted);
    add(`notice-closed-${i}`, 'case.rec.noticeClosed', notice.closed);
  });
  procedure.objections.forEach((objection, i) => {
    add(`objection-${i}`, 'case.rec.objection', objection.raised);
    add(`objection-resolved-${i}`, 'case.rec.objectionResolved', objection.resolution);
  });
  add('township', 'case.rec.townshipReview', ident.townshipReview);
  add('identification', 'case.rec.identification', ident.identification);
  add('rejection', 'case.rec.rejection', ident.rejection);
  const elimination = procedure.elimination;
  if (elimination !== null) {
    add('elimination-proposal', 'case.rec.eliminationProposal', elimination.proposal);
    add('elimination-verification', 'case.rec.eliminationVerification', elimination.verification);
    add('elimination-village', 'case.rec.villageReview', elimination.villageReview);
    add('elimination-township', 'case.rec.townshipReview', elimination.townshipReview);
    add('elimination-grant', 'case.rec.eliminationGrant', elimination.grant);
    add('elimination-rejection', 'case.rec.rejection', elimination.rejection);
  }
  procedure.followUpVisits.forEach((visit, i) => add(`visit-${i}`, 'case.rec.followUp', visit));
  // Array.prototype.sort is stable: one day's steps keep the procedure's order.
  return rows.sort((a, b) => (a.record.on < b.record.on ? -1 : a.record.on > b.record.on ? 1 : 0));
}
