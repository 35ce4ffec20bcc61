import type {
  CancelMeasure,
  EndMeasure,
  ExtendAfterElimination,
  MeasurePlanData,
  PlanFacts,
  PlanMeasure,
  StartMeasure,
} from '../assistance-plan.commands';
import type {
  AssistanceMeasurePlanned,
  AssistanceMeasureStarted,
  AssistancePlanEvent,
  AssistancePlanFlagsChanged,
} from '../assistance-plan.events';
import type { PlanFlag } from '../assistance-plan.values';

// Shared Given-When-Then material for the assistance plan's specs: one case identified on
// 2024-09-20 for illness, a household with labour capacity, today 2024-10-15.

/** The monitoring case and its household. */
export const CASE_ID = '0190f3a2-aaaa-7000-8000-000000000001';
export const HOUSEHOLD_ID = '0190f3a2-bbbb-7000-8000-000000000001';
/** The day the county approved the case. */
export const IDENTIFIED_ON = '2024-09-20';
/** Today in every command. */
export const TODAY = '2024-10-15';

/** The facts the handler passes: identified, illness, labour capacity. */
export const FACTS: PlanFacts = {
  caseId: CASE_ID,
  householdId: HOUSEHOLD_ID,
  caseIdentifiedOn: IDENTIFIED_ON,
  riskTypes: ['illness'],
  hasLabourCapacity: true,
  today: TODAY,
};

/** An employment measure (a public-welfare post) as planned. */
export const POST: MeasurePlanData = {
  measureId: 'm-post',
  category: 'employment',
  kind: '公益性岗位 / public-welfare post',
  responsibleDepartment: '县人社局 / county human resources bureau',
  plannedStart: '2024-10-01',
  plannedEnd: '2025-09-30',
  amountFen: 600_000,
};

/** A social-assistance measure (dibao) without a planned end. */
export const DIBAO: MeasurePlanData = {
  measureId: 'm-dibao',
  category: 'social-assistance',
  kind: '低保 / dibao',
  responsibleDepartment: '县民政局 / county civil affairs bureau',
  plannedStart: '2024-10-01',
  plannedEnd: null,
  amountFen: 420_000,
};

/** The plan's first event. */
export const opened: AssistancePlanEvent = {
  type: 'AssistancePlanOpened',
  data: { caseId: CASE_ID, householdId: HOUSEHOLD_ID },
};

/** PlanMeasure of {@link POST}, with changes. */
export const planMeasure = (data: Partial<MeasurePlanData> = {}, facts: Partial<PlanFacts> = {}): PlanMeasure => ({
  type: 'PlanMeasure',
  data: { ...POST, ...data },
  facts: { ...FACTS, ...facts },
});

/** StartMeasure of {@link POST} by default. */
export const startMeasure = (
  actualStart = '2024-10-08',
  facts: Partial<PlanFacts> = {},
  measureId = POST.measureId,
): StartMeasure => ({ type: 'StartMeasure', data: { measureId, actualStart }, facts: { ...FACTS, ...facts } });

/** EndMeasure of {@link POST} by default. */
export const endMeasure = (
  actualEnd = '2024-10-14',
  outcome = '已稳定就业 / in steady work',
  measureId = POST.measureId,
): EndMeasure => ({ type: 'EndMeasure', data: { measureId, actualEnd, outcome }, facts: FACTS });

/** CancelMeasure of {@link POST} by default. */
export const cancelMeasure = (
  reason = '户主外出务工 / the head found work away',
  measureId = POST.measureId,
  facts: Partial<PlanFacts> = {},
): CancelMeasure => ({ type: 'CancelMeasure', data: { measureId, reason }, facts: { ...FACTS, ...facts } });

/** ExtendAfterElimination of {@link POST} by default. */
export const extend = (until = '2025-12-31', measureId = POST.measureId): ExtendAfterElimination => ({
  type: 'ExtendAfterElimination',
  data: { measureId, until },
  facts: FACTS,
});

/** The planned event for a measure, written out field by field. */
export const planned = (data: MeasurePlanData = POST): AssistanceMeasurePlanned => ({
  type: 'AssistanceMeasurePlanned',
  data: {
    measureId: data.measureId,
    category: data.category,
    kind: data.kind,
    responsibleDepartment: data.responsibleDepartment,
    plannedStart: data.plannedStart,
    plannedEnd: data.plannedEnd,
    amountFen: data.amountFen,
    continuesAfterEliminationUntil: data.continuesAfterEliminationUntil ?? null,
  },
});

/** The started event of {@link POST} by default. */
export const started = (
  actualStart = '2024-10-08',
  timing: AssistanceMeasureStarted['data']['timing'] = 'after-identification',
  measureId = POST.measureId,
): AssistanceMeasureStarted => ({ type: 'AssistanceMeasureStarted', data: { measureId, actualStart, timing } });

/** The flags event, dated today. */
export const flagsChanged = (flags: readonly PlanFlag[], hasLabourCapacity = true): AssistancePlanFlagsChanged => ({
  type: 'AssistancePlanFlagsChanged',
  data: { flags, hasLabourCapacity, changedOn: TODAY },
});
