import { assertNever } from '@relapse-watch/domain-kernel';
import type { AssistancePlanCommand, PlanFacts } from './assistance-plan.commands';
import type { AssistancePlanEvent } from './assistance-plan.events';
import { planFlags } from './assistance-plan.flags';
import { importMeasures } from './assistance-plan-import.decide';
import { openedPlan } from './assistance-plan.guards';
import { planMeasure, startMeasure } from './assistance-plan-measure.decide';
import { cancelMeasure, endMeasure, extendAfterElimination } from './assistance-plan-progress.decide';
import { evolve, type AssistancePlanState, type OpenedPlan } from './assistance-plan.state';

/** Decides one command of an assistance plan; pure. */
export function decide(command: AssistancePlanCommand, state: AssistancePlanState): readonly AssistancePlanEvent[] {
  switch (command.type) {
    case 'PlanMeasure':
      return withFlags(planMeasure(command, state), state, command.facts);
    case 'StartMeasure':
      return withFlags(startMeasure(command, state), state, command.facts);
    case 'EndMeasure':
      return withFlags(endMeasure(command, state), state, command.facts);
    case 'CancelMeasure':
      return withFlags(cancelMeasure(command, state), state, command.facts);
    case 'ExtendAfterElimination':
      return withFlags(extendAfterElimination(command, state), state, command.facts);
    case 'RecheckPlanFlags':
      return flagChanges(openedPlan(state), command.facts);
    case 'ImportMeasures':
      return importMeasures(command, state);
    default:
      return assertNever(command, 'assistance plan command');
  }
}

// Flags are judged only when a command changes something: a retried command stays a no-op even
// when the household's labour capacity moved since (RecheckPlanFlags records that).
function withFlags(
  events: readonly AssistancePlanEvent[],
  state: AssistancePlanState,
  facts: PlanFacts,
): readonly AssistancePlanEvent[] {
  if (events.length === 0) return events;
  const after = events.reduce(evolve, state);
  return after.kind === 'opened' ? [...events, ...flagChanges(after, facts)] : events;
}

function flagChanges(plan: OpenedPlan, facts: PlanFacts): readonly AssistancePlanEvent[] {
  const flags = planFlags(plan, facts);
  if (flags.length === plan.flags.length && flags.every((f, i) => f === plan.flags[i])) return [];
  return [
    {
      type: 'AssistancePlanFlagsChanged',
      data: { flags: [...flags], hasLabourCapacity: facts.hasLabourCapacity, changedOn: facts.today },
    },
  ];
}
