import { assertNever, type IsoDate } from '@relapse-watch/domain-kernel';
import type { AssistanceMeasurePlanned, AssistancePlanEvent, AssistancePlanImported } from './assistance-plan.events';
import type { MeasureStatus, MeasureTiming, PlanFlag } from './assistance-plan.values';

/** One measure as it stands. */
export interface MeasureRecord {
  readonly measureId: string;
  /** As planned, never changed afterwards: a retried PlanMeasure is compared with it. */
  readonly plan: AssistanceMeasurePlanned['data'];
  readonly status: MeasureStatus;
  readonly actualStart: IsoDate | null;
  readonly timing: MeasureTiming | null;
  readonly actualEnd: IsoDate | null;
  readonly outcome: string | null;
  readonly cancellation: { readonly reason: string; readonly cancelledOn: IsoDate } | null;
  /** The current commitment after elimination (the plan's, or the last extension's). */
  readonly continuesAfterEliminationUntil: IsoDate | null;
}

export interface OpenedPlan {
  readonly kind: 'opened';
  readonly caseId: string;
  readonly householdId: string;
  /** In the order planned. */
  readonly measures: readonly MeasureRecord[];
  /** The flags as last recorded (empty until a flag is first raised). */
  readonly flags: readonly PlanFlag[];
  /** What the import brought from the national system, or null for a plan built here. */
  readonly imported: AssistancePlanImported['data'] | null;
}

export type AssistancePlanState = { readonly kind: 'none' } | OpenedPlan;

export const initialState: AssistancePlanState = { kind: 'none' };

/** Folds one event into the state. */
export function evolve(state: AssistancePlanState, event: AssistancePlanEvent): AssistancePlanState {
  if (event.type === 'AssistancePlanOpened')
    return {
      kind: 'opened',
      caseId: event.data.caseId,
      householdId: event.data.householdId,
      measures: [],
      flags: [],
      imported: null,
    };
  if (event.type === 'AssistancePlanImported') return state.kind === 'none' ? importedPlan(event.data) : state;
  if (state.kind === 'none') return state;
  return evolveOpened(state, event);
}

function evolveOpened(state: OpenedPlan, event: AssistancePlanEvent): OpenedPlan {
  switch (event.type) {
    case 'AssistancePlanOpened':
    case 'AssistancePlanImported':
      return state;
    case 'AssistanceMeasurePlanned':
      return {
        ...state,
        measures: [
          ...state.measures,
          {
            measureId: event.data.measureId,
            plan: event.data,
            status: 'planned',
            actualStart: null,
            timing: null,
            actualEnd: null,
            outcome: null,
            cancellation: null,
            continuesAfterEliminationUntil: event.data.continuesAfterEliminationUntil,
          },
        ],
      };
    case 'AssistanceMeasureStarted': {
      const { measureId, actualStart, timing } = event.data;
      return withMeasure(state, measureId, (m) => ({ ...m, status: 'in-progress', actualStart, timing }));
    }
    case 'AssistanceMeasureEnded': {
      const { measureId, actualEnd, outcome } = event.data;
      return withMeasure(state, measureId, (m) => ({ ...m, status: 'ended', actualEnd, outcome }));
    }
    case 'AssistanceMeasureCancelled': {
      const { measureId, reason, cancelledOn } = event.data;
      return withMeasure(state, measureId, (m) => ({
        ...m,
        status: 'cancelled',
        cancellation: { reason, cancelledOn },
      }));
    }
    case 'AssistanceMeasureExtendedAfterElimination': {
      const { measureId, until } = event.data;
      return withMeasure(state, measureId, (m) => ({ ...m, continuesAfterEliminationUntil: until }));
    }
    case 'AssistancePlanFlagsChanged':
      return { ...state, flags: event.data.flags };
    default:
      return assertNever(event, 'assistance plan event');
  }
}

function withMeasure(state: OpenedPlan, measureId: string, change: (m: MeasureRecord) => MeasureRecord): OpenedPlan {
  return { ...state, measures: state.measures.map((m) => (m.measureId === measureId ? change(m) : m)) };
}

/** The plan an import leaves: the very state its opening and each measure's events fold into. */
function importedPlan(data: AssistancePlanImported['data']): OpenedPlan {
  const { caseId, householdId, measures } = data;
  const events = measures.flatMap(({ planned, started, ended }): AssistancePlanEvent[] => {
    const { measureId } = planned;
    return [
      { type: 'AssistanceMeasurePlanned', data: planned },
      ...(started === null ? [] : [{ type: 'AssistanceMeasureStarted' as const, data: { measureId, ...started } }]),
      ...(ended === null ? [] : [{ type: 'AssistanceMeasureEnded' as const, data: { measureId, ...ended } }]),
    ];
  });
  const opened: OpenedPlan = { kind: 'opened', caseId, householdId, measures: [], flags: [], imported: data };
  return events.reduce(evolveOpened, opened);
}
