// Spec-only support: the progress figures the inspection scenario expects, computed from the
// county's plan alone (its households' visits, key groups, at-risk findings and decisions) —
// never read from the service under test.
import { CAMPAIGN, METHODS, type CountyPlan, type HouseholdPlan, type Method } from './inspection-county.plan';

/** The progress figures of one unit, in the progress API's shape (without `children`). */
export interface ExpectedProgress {
  readonly divisionCode: string;
  readonly households: {
    readonly inScope: number;
    readonly done: number;
    readonly late: number;
    readonly overdue: number;
    readonly byMethod: Record<Method, number>;
  };
  /** Key-group households completed (each with the household visit its completion needed). */
  readonly keyGroups: { readonly completed: number };
  readonly atRisk: { readonly suggested: number; readonly flagged: number };
  readonly villages: { readonly inScope: number; readonly withTeam: number; readonly overdue: number };
}

/** The day a household's round was completed: its completing visit's date. */
export function completedOn(plan: HouseholdPlan): string {
  const last = plan.visits.filter((v) => v.complete && v.expect === 201).at(-1);
  if (last === undefined) throw new Error(`household ${plan.index} is never completed`);
  return last.contactedOn;
}

/** The methods of the round's accepted contacts (a refused visit records nothing). */
export function methodsOf(plan: HouseholdPlan): Method[] {
  return [...new Set(plan.visits.filter((v) => v.expect === 201).map((v) => v.method))];
}

/** The digits a unit's code keeps (province 2, city 4, county 6, township 9, village 12): a village may end in 0s. */
function unitPrefix(divisionCode: string): string {
  const digits = [2, 4, 6, 9, 12].find((n) => /^0*$/.test(divisionCode.slice(n))) ?? 12;
  return divisionCode.slice(0, digits);
}

/** What the progress of `divisionCode` must show once every planned visit and decision is made. */
export function expectedProgress(county: CountyPlan, divisionCode: string): ExpectedProgress {
  const prefix = unitPrefix(divisionCode);
  return {
    divisionCode,
    ...expectedFigures(
      county,
      county.villages.filter((v) => v.startsWith(prefix)),
    ),
  };
}

/** The figures of a set of villages (a unit's, or a team's). */
export function expectedFigures(
  county: CountyPlan,
  villages: readonly string[],
): Omit<ExpectedProgress, 'divisionCode'> {
  const inUnit = county.households.filter((h) => villages.includes(h.villageCode));
  const count = (test: (h: HouseholdPlan) => boolean) => inUnit.filter(test).length;
  const overdueVillages = villages.filter((v) => v === county.villageWithoutTeam).length;
  return {
    households: {
      inScope: inUnit.length,
      done: inUnit.length,
      late: count((h) => completedOn(h) > CAMPAIGN.inspectBy),
      // Every household is completed, so none is left past the deadline.
      overdue: 0,
      byMethod: Object.fromEntries(METHODS.map((m) => [m, count((h) => methodsOf(h).includes(m))])) as Record<
        Method,
        number
      >,
    },
    keyGroups: { completed: count((h) => h.keyGroup !== null) },
    atRisk: { suggested: count((h) => h.atRisk), flagged: count((h) => h.decision === 'accept') },
    villages: { inScope: villages.length, withTeam: villages.length - overdueVillages, overdue: overdueVillages },
  };
}
