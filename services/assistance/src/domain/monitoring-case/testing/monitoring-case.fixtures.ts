import type { Actor } from '@relapse-watch/event-store-core';
import type { MonitoringCaseCommand } from '../monitoring-case.commands';
import type {
  MonitoringCaseDepartmentsCompared,
  MonitoringCaseHomeVerified,
  MonitoringCaseIdentified,
  MonitoringCaseLeadAccepted,
  MonitoringCaseOpened,
  MonitoringCasePublicNoticeClosed,
  MonitoringCasePublicNoticePosted,
  MonitoringCaseTownshipReviewed,
  MonitoringCaseVillageReviewed,
} from '../monitoring-case.events';

// One household episode in 四川 2024, identified through every step, written out by hand: the
// commands that record each step and the events they must record.

export const CASE_ID = '0193a1b2-0000-7000-8000-000000000001';
export const NEW_CASE_ID = '0193a1b2-0000-7000-8000-000000000002';
export const HOUSEHOLD_ID = '0192f6c8-3b1e-7a42-8d5c-1e7f9a2b4c63';
export const VILLAGE_CODE = '511923102202';
/** Today for every command unless a test says otherwise: after the last step of the story. */
export const TODAY = '2026-12-31';

export const VILLAGE_CADRE: Actor = { userId: 'u-village-1', role: 'village-inspector' };
export const TOWNSHIP: Actor = { userId: 'u-township-1', role: 'township-official' };
export const COUNTY: Actor = { userId: 'u-county-1', role: 'county-official' };

type CommandOf<T extends MonitoringCaseCommand['type']> = Extract<MonitoringCaseCommand, { type: T }>;

/** A command of the type, with today's fact and the actor; `facts` adds the step's own facts. */
export function command<T extends MonitoringCaseCommand['type']>(
  type: T,
  actor: Actor,
  data: CommandOf<T>['data'],
  facts: Omit<CommandOf<T>['facts'], 'today'> = {} as Omit<CommandOf<T>['facts'], 'today'>,
): CommandOf<T> {
  return { type, actor, data, facts: { today: TODAY, ...facts } } as unknown as CommandOf<T>;
}

export const SUGGESTION = {
  category: 'unstable-poverty-alleviated',
  riskTypes: ['illness', 'unstable-work'],
  ruleIds: ['at-risk.income-below-line', 'at-risk.new-serious-illness'],
} as const;

export const openCase = command(
  'OpenCase',
  TOWNSHIP,
  {
    on: '2024-09-02',
    caseId: CASE_ID,
    householdId: HOUSEHOLD_ID,
    villageCode: VILLAGE_CODE,
    lead: {
      source: 'concentrated-inspection',
      referenceId: 'sg-0192f6d0',
      department: null,
      summary: '排查发现因病风险',
    },
    previousCaseId: null,
    suggestion: { ...SUGGESTION, riskTypes: ['unstable-work', 'illness'] },
  },
  { acceptBy: '2024-09-04' },
);
export const opened: MonitoringCaseOpened = {
  type: 'MonitoringCaseOpened',
  data: {
    actor: TOWNSHIP,
    on: '2024-09-02',
    reason: null,
    caseId: CASE_ID,
    householdId: HOUSEHOLD_ID,
    villageCode: VILLAGE_CODE,
    lead: {
      source: 'concentrated-inspection',
      referenceId: 'sg-0192f6d0',
      department: null,
      summary: '排查发现因病风险',
    },
    previousCaseId: null,
    suggestion: {
      category: 'unstable-poverty-alleviated',
      riskTypes: ['illness', 'unstable-work'],
      ruleIds: ['at-risk.income-below-line', 'at-risk.new-serious-illness'],
    },
    acceptBy: '2024-09-04',
  },
};

export const acceptLead = command(
  'AcceptLead',
  TOWNSHIP,
  { on: '2024-09-03', reason: '线索属实，予以受理' },
  { homeVerificationBy: '2024-09-09', procedureBy: '2024-09-30' },
);
export const accepted: MonitoringCaseLeadAccepted = {
  type: 'MonitoringCaseLeadAccepted',
  data: {
    actor: TOWNSHIP,
    on: '2024-09-03',
    reason: '线索属实，予以受理',
    homeVerificationBy: '2024-09-09',
    procedureBy: '2024-09-30',
  },
};

export const verifyHome = command('RecordHomeVerification', VILLAGE_CADRE, {
  on: '2024-09-05',
  consentSigned: true,
  findings: '户主住院治疗，务工收入中断',
});
export const homeVerified: MonitoringCaseHomeVerified = {
  type: 'MonitoringCaseHomeVerified',
  data: {
    actor: VILLAGE_CADRE,
    on: '2024-09-05',
    reason: null,
    consentSigned: true,
    findings: '户主住院治疗，务工收入中断',
  },
};

export const compare = command('RecordDepartmentComparison', TOWNSHIP, {
  on: '2024-09-09',
  results: [
    { department: 'health-insurance', finding: 'consistent', note: null },
    { department: 'public-security', finding: 'no-record', note: '无车辆登记' },
  ],
});
export const compared: MonitoringCaseDepartmentsCompared = {
  type: 'MonitoringCaseDepartmentsCompared',
  data: {
    actor: TOWNSHIP,
    on: '2024-09-09',
    reason: null,
    results: [
      { department: 'health-insurance', finding: 'consistent', note: null },
      { department: 'public-security', finding: 'no-record', note: '无车辆登记' },
    ],
  },
};

export const reviewInVillage = command('RecordVillageReview', VILLAGE_CADRE, {
  on: '2024-09-11',
  reason: '村民代表会议评议同意纳入',
  outcome: 'approved',
  minutesRef: 'CM-2024-031',
  vote: { inFavour: 21, against: 1, abstained: 2 },
});
export const villageReviewed: MonitoringCaseVillageReviewed = {
  type: 'MonitoringCaseVillageReviewed',
  data: {
    actor: VILLAGE_CADRE,
    on: '2024-09-11',
    reason: '村民代表会议评议同意纳入',
    procedure: 'identification',
    outcome: 'approved',
    minutesRef: 'CM-2024-031',
    vote: { inFavour: 21, against: 1, abstained: 2 },
  },
};

export const postNotice = command(
  'PostPublicNotice',
  VILLAGE_CADRE,
  { on: '2024-09-12' },
  { closesNoEarlierThan: '2024-09-17', minimumDays: 5 },
);
export const noticePosted: MonitoringCasePublicNoticePosted = {
  type: 'MonitoringCasePublicNoticePosted',
  data: {
    actor: VILLAGE_CADRE,
    on: '2024-09-12',
    reason: null,
    procedure: 'identification',
    noticeNumber: 1,
    closesNoEarlierThan: '2024-09-17',
    minimumDays: 5,
  },
};

export const closeNotice = command('ClosePublicNotice', VILLAGE_CADRE, { on: '2024-09-18' });
export const noticeClosed: MonitoringCasePublicNoticeClosed = {
  type: 'MonitoringCasePublicNoticeClosed',
  data: { actor: VILLAGE_CADRE, on: '2024-09-18', reason: null, procedure: 'identification', noticeNumber: 1 },
};

export const reviewInTownship = command('RecordTownshipReview', TOWNSHIP, {
  on: '2024-09-20',
  reason: '审核通过，报县审定',
  outcome: 'approved',
});
export const townshipReviewed: MonitoringCaseTownshipReviewed = {
  type: 'MonitoringCaseTownshipReviewed',
  data: {
    actor: TOWNSHIP,
    on: '2024-09-20',
    reason: '审核通过，报县审定',
    procedure: 'identification',
    outcome: 'approved',
  },
};

export const approve = command('ApproveIdentification', COUNTY, {
  on: '2024-09-24',
  reason: '符合脱贫不稳定户认定条件',
  category: 'unstable-poverty-alleviated',
  riskTypes: ['unstable-work', 'illness'],
});
export const identified: MonitoringCaseIdentified = {
  type: 'MonitoringCaseIdentified',
  data: {
    actor: COUNTY,
    on: '2024-09-24',
    reason: '符合脱贫不稳定户认定条件',
    category: 'unstable-poverty-alleviated',
    riskTypes: ['illness', 'unstable-work'],
    suggestion: {
      category: 'unstable-poverty-alleviated',
      riskTypes: ['illness', 'unstable-work'],
      ruleIds: ['at-risk.income-below-line', 'at-risk.new-serious-illness'],
    },
  },
};

/** The history up to each step, for `given`. */
export const UNTIL = {
  accepted: [opened, accepted],
  homeVerified: [opened, accepted, homeVerified],
  compared: [opened, accepted, homeVerified, compared],
  villageReviewed: [opened, accepted, homeVerified, compared, villageReviewed],
  noticePosted: [opened, accepted, homeVerified, compared, villageReviewed, noticePosted],
  noticeClosed: [opened, accepted, homeVerified, compared, villageReviewed, noticePosted, noticeClosed],
  townshipReviewed: [
    opened,
    accepted,
    homeVerified,
    compared,
    villageReviewed,
    noticePosted,
    noticeClosed,
    townshipReviewed,
  ],
  identified: [
    opened,
    accepted,
    homeVerified,
    compared,
    villageReviewed,
    noticePosted,
    noticeClosed,
    townshipReviewed,
    identified,
  ],
} as const;
