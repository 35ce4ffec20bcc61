import type { EliminationReason } from '../../risk-elimination/risk-elimination.reasons';
import type { EliminationGuardVerdict } from '../monitoring-case.commands';
import type {
  MonitoringCaseEliminationProposed,
  MonitoringCaseEliminationRefused,
  MonitoringCaseEliminationVerified,
  MonitoringCaseRiskEliminated,
} from '../monitoring-case-elimination.events';
import type {
  MonitoringCasePublicNoticeClosed,
  MonitoringCasePublicNoticePosted,
  MonitoringCaseTownshipReviewed,
  MonitoringCaseVillageReviewed,
} from '../monitoring-case.events';
import { command, COUNTY, TOWNSHIP, UNTIL, VILLAGE_CADRE } from './monitoring-case.fixtures';

// The same household's risk elimination a year on, written out by hand: refused once by the
// guard, then proposed and granted through the mirrored procedure.

/**
 * The guard's reason on 2025-06-10, as `checkRiskElimination` gives it: the six whole months
 * before June are 2024-12 to 2025-05; May, April and March were above the line, February had no
 * observation, so the run stops at three.
 */
export const INCOME_NOT_STABLE: EliminationReason = {
  code: 'elimination.income-not-stable',
  evidence: {
    monthsRequired: 6,
    monthsStable: 3,
    window: { from: '2024-12', to: '2025-05' },
    brokenAt: { month: '2025-02', cause: 'no-record' },
  },
  field: 'incomes',
  message:
    '收入稳定高于监测线仅连续3个月，须满6个月 / Income stayed above the line for 3 consecutive months; 6 are required',
};
export const REFUSING_GUARD: EliminationGuardVerdict = { allowed: false, reasons: [INCOME_NOT_STABLE] };
export const ALLOWING_GUARD: EliminationGuardVerdict = { allowed: true, reasons: [] };

export const proposeRefused = command(
  'ProposeElimination',
  TOWNSHIP,
  { on: '2025-06-10', reason: '户主康复返岗，申请消除风险' },
  { guard: REFUSING_GUARD },
);
export const eliminationRefused: MonitoringCaseEliminationRefused = {
  type: 'MonitoringCaseEliminationRefused',
  data: {
    actor: TOWNSHIP,
    on: '2025-06-10',
    reason: '户主康复返岗，申请消除风险',
    guardReasons: [INCOME_NOT_STABLE],
  },
};

export const propose = command(
  'ProposeElimination',
  TOWNSHIP,
  { on: '2025-11-10', reason: '收入稳定超过六个月，申请消除风险' },
  { guard: ALLOWING_GUARD },
);
export const eliminationProposed: MonitoringCaseEliminationProposed = {
  type: 'MonitoringCaseEliminationProposed',
  data: { actor: TOWNSHIP, on: '2025-11-10', reason: '收入稳定超过六个月，申请消除风险' },
};

export const verifyForElimination = command('RecordEliminationVerification', VILLAGE_CADRE, {
  on: '2025-11-12',
  findings: '务工收入稳定，医疗费用已报销',
});
export const eliminationVerified: MonitoringCaseEliminationVerified = {
  type: 'MonitoringCaseEliminationVerified',
  data: { actor: VILLAGE_CADRE, on: '2025-11-12', reason: null, findings: '务工收入稳定，医疗费用已报销' },
};

export const reviewEliminationInVillage = command('RecordVillageReview', VILLAGE_CADRE, {
  on: '2025-11-14',
  reason: '村民代表会议同意消除风险',
  outcome: 'approved',
  minutesRef: 'CM-2025-077',
  vote: null,
});
export const eliminationVillageReviewed: MonitoringCaseVillageReviewed = {
  type: 'MonitoringCaseVillageReviewed',
  data: {
    actor: VILLAGE_CADRE,
    on: '2025-11-14',
    reason: '村民代表会议同意消除风险',
    procedure: 'elimination',
    outcome: 'approved',
    minutesRef: 'CM-2025-077',
    vote: null,
  },
};

export const postEliminationNotice = command(
  'PostPublicNotice',
  VILLAGE_CADRE,
  { on: '2025-11-15' },
  { closesNoEarlierThan: '2025-11-20', minimumDays: 5 },
);
export const eliminationNoticePosted: MonitoringCasePublicNoticePosted = {
  type: 'MonitoringCasePublicNoticePosted',
  data: {
    actor: VILLAGE_CADRE,
    on: '2025-11-15',
    reason: null,
    procedure: 'elimination',
    noticeNumber: 2,
    closesNoEarlierThan: '2025-11-20',
    minimumDays: 5,
  },
};

export const closeEliminationNotice = command('ClosePublicNotice', VILLAGE_CADRE, { on: '2025-11-21' });
export const eliminationNoticeClosed: MonitoringCasePublicNoticeClosed = {
  type: 'MonitoringCasePublicNoticeClosed',
  data: { actor: VILLAGE_CADRE, on: '2025-11-21', reason: null, procedure: 'elimination', noticeNumber: 2 },
};

export const reviewEliminationInTownship = command('RecordTownshipReview', TOWNSHIP, {
  on: '2025-11-24',
  reason: '审核同意消除',
  outcome: 'approved',
});
export const eliminationTownshipReviewed: MonitoringCaseTownshipReviewed = {
  type: 'MonitoringCaseTownshipReviewed',
  data: { actor: TOWNSHIP, on: '2025-11-24', reason: '审核同意消除', procedure: 'elimination', outcome: 'approved' },
};

export const grant = command('GrantElimination', COUNTY, { on: '2025-11-27', reason: '风险已稳定消除' });
export const riskEliminated: MonitoringCaseRiskEliminated = {
  type: 'MonitoringCaseRiskEliminated',
  data: { actor: COUNTY, on: '2025-11-27', reason: '风险已稳定消除' },
};

/** The history up to each elimination step, for `given`. */
export const ELIMINATION_UNTIL = {
  proposed: [...UNTIL.identified, eliminationProposed],
  verified: [...UNTIL.identified, eliminationProposed, eliminationVerified],
  villageReviewed: [...UNTIL.identified, eliminationProposed, eliminationVerified, eliminationVillageReviewed],
  noticePosted: [
    ...UNTIL.identified,
    eliminationProposed,
    eliminationVerified,
    eliminationVillageReviewed,
    eliminationNoticePosted,
  ],
  noticeClosed: [
    ...UNTIL.identified,
    eliminationProposed,
    eliminationVerified,
    eliminationVillageReviewed,
    eliminationNoticePosted,
    eliminationNoticeClosed,
  ],
  townshipReviewed: [
    ...UNTIL.identified,
    eliminationProposed,
    eliminationVerified,
    eliminationVillageReviewed,
    eliminationNoticePosted,
    eliminationNoticeClosed,
    eliminationTownshipReviewed,
  ],
  eliminated: [
    ...UNTIL.identified,
    eliminationProposed,
    eliminationVerified,
    eliminationVillageReviewed,
    eliminationNoticePosted,
    eliminationNoticeClosed,
    eliminationTownshipReviewed,
    riskEliminated,
  ],
} as const;
