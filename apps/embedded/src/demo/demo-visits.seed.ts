import { addDays, DomainError, type Clock, type IsoDate } from '@relapse-watch/domain-kernel';
import type { SeededRandom } from '@relapse-watch/household-registry';
import type { HouseholdInspectionCommands, InspectionResult } from '@relapse-watch/inspection';
import type { ContactMethod, HouseholdFacts, Suggestion } from '@relapse-watch/inspection-rules';
import { demoContext } from './demo-actor';
import { earlier, instantOn, type DemoCampaignDays } from './demo-calendar';
import { demoFindings, type DemoMonitoring } from './demo-findings';

/** Dependencies of the visits part. */
export interface DemoVisitsDeps {
  readonly clock: Clock;
  readonly inspections: HouseholdInspectionCommands;
  readonly correlationId: string;
  /** Stops between households when the process is shutting down. */
  readonly stopping: () => boolean;
}

/** What the visits part recorded, counted from the events the use cases answered with. */
export interface DemoVisitsOutcome {
  readonly householdsVisited: number;
  readonly completed: number;
  readonly completedLate: number;
  readonly contacts: number;
  readonly suggestions: { readonly atRisk: number; readonly dataQuality: number; readonly rectification: number };
  readonly accepted: { readonly atRisk: number; readonly dataQuality: number; readonly rectification: number };
  readonly dismissed: number;
  readonly dataQualityIssuesOpened: number;
  readonly dataQualityIssuesResolved: number;
  readonly rectificationItemsOpened: number;
  readonly rectificationItemsClosed: number;
  /** The households whose at-risk suggestion was accepted (a lead for the assistance service), with the day. */
  readonly flagged: ReadonlyMap<string, IsoDate>;
}

type Recorded = Suggestion & { readonly suggestionId: string };

interface Counting {
  contacts: number;
  completed: number;
  completedLate: number;
  issuesOpened: number;
  issuesResolved: number;
  itemsOpened: number;
  itemsClosed: number;
  dismissed: number;
  accepted: Record<Suggestion['kind'], number>;
}

const REASONS = {
  accept: '入户核实属实 / confirmed on the visit',
  dismiss: '经核实不存在该问题 / checked: no such problem',
  resolve: '已核实并更正 / checked and corrected',
  close: '已整改到位 / rectified',
};

/** Runs `work` over `items`, `width` at a time (the SQLite writer commits them in groups). */
async function inPool<T>(items: readonly T[], width: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(width, items.length) }, async () => {
    while (next < items.length) await work(items[next++]);
  });
  await Promise.all(lanes);
}

/**
 * Visits the households of covered villages through the inspection's own `recordVisit` — about
 * nine in ten of an on-time village's households and seven in ten of a late one's, each on a day
 * between its team's formation and today — mostly at home, some online or by the villagers' group;
 * a few visits record the contact without completing. A key-group household contacted other than
 * at home is refused completion by the rules and visited at home a day or two later. Then the
 * officials' decisions: most suggestions accepted (at-risk ones become the assistance service's
 * leads), some dismissed, some left for the dashboard; some issues resolved and items closed.
 * Each command runs on its day (`now`), so deadlines and "late" read as in a real campaign.
 */
export async function seedDemoVisits(
  deps: DemoVisitsDeps,
  days: DemoCampaignDays,
  campaignId: string,
  households: readonly HouseholdFacts[],
  coveredOn: ReadonlyMap<string, IsoDate>,
  monitoringOf: (householdId: string) => DemoMonitoring,
  random: SeededRandom,
): Promise<DemoVisitsOutcome> {
  const count: Counting = {
    contacts: 0,
    completed: 0,
    completedLate: 0,
    issuesOpened: 0,
    issuesResolved: 0,
    itemsOpened: 0,
    itemsClosed: 0,
    dismissed: 0,
    accepted: { 'at-risk': 0, 'data-quality': 0, rectification: 0 },
  };
  const suggested = new Map<
    string,
    { readonly householdId: string; readonly on: IsoDate; readonly suggestion: Recorded }
  >();
  // The main risk the visit named, for an at-risk suggestion that names none (the official gives it).
  const mainRisk = new Map<string, string>();
  const tally = (result: InspectionResult) => {
    for (const event of result.events)
      switch (event.type) {
        case 'HouseholdContactRecorded':
          count.contacts += 1;
          break;
        case 'HouseholdInspectionCompleted':
          count.completed += 1;
          if (event.data.late) count.completedLate += 1;
          break;
        case 'DataQualityIssueOpened':
          count.issuesOpened += 1;
          break;
        case 'DataQualityIssueResolved':
          count.issuesResolved += 1;
          break;
        case 'RectificationItemOpened':
          count.itemsOpened += 1;
          break;
        case 'RectificationItemClosed':
          count.itemsClosed += 1;
          break;
        case 'InspectionSuggestionDismissed':
          count.dismissed += 1;
          break;
        default:
          break;
      }
  };
  const visiting = households.filter((household) => {
    const formed = coveredOn.get(household.villageCode);
    if (formed === undefined || formed > days.today) return false;
    const onTime = formed <= days.teamsInPlaceBy;
    return random.fork(`visited ${household.householdId}`).chance(onTime ? 0.9 : 0.7);
  });

  await inPool(visiting, 8, async (household) => {
    if (deps.stopping()) return;
    const r = random.fork(household.householdId);
    const formed = coveredOn.get(household.villageCode)!;
    const first = earlier(addDays(formed, 1), days.today);
    // Until today, or a few days past the deadline once it has passed (some completions late).
    const last = earlier(days.today, addDays(days.inspectBy, 3));
    const span = Math.max(0, (Date.parse(last) - Date.parse(first)) / 86_400_000);
    const on = addDays(first, Math.floor(r.next() * (span + 1)));
    const draw = r.next();
    const method: ContactMethod =
      draw < 0.8 ? 'household-visit' : draw < 0.92 ? 'online-communication' : 'group-assessment';
    const findings = demoFindings(household, monitoringOf(household.householdId), r.fork('findings'));
    const named = findings['relapse-risk']?.answers['main-risk-kind'];
    if (typeof named === 'string') mainRisk.set(household.householdId, named);
    const complete = r.chance(0.96);
    const address = { campaignId, householdId: household.householdId };
    const record = async (day: IsoDate, how: ContactMethod, completing: boolean, key: string) => {
      const result = await deps.inspections.recordVisit(
        address,
        { method: how, contactedOn: day, findings, complete: completing },
        demoContext(deps.correlationId, instantOn(day, deps.clock), key),
      );
      tally(result);
      for (const event of result.events)
        if (event.type === 'InspectionSuggestionsRecorded')
          for (const suggestion of event.data.suggestions)
            if (!suggested.has(suggestion.suggestionId))
              suggested.set(suggestion.suggestionId, { householdId: household.householdId, on: day, suggestion });
    };
    try {
      await record(on, method, complete, `demo-visit-${campaignId}-${household.householdId}-1`);
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== 'inspection.household-visit-required') throw error;
      // A key group or key region: the contact stands, the round waits for a visit at home.
      await record(on, method, false, `demo-visit-${campaignId}-${household.householdId}-1`);
      const home = addDays(on, r.int(1, 2));
      if (home <= days.today)
        await record(home, 'household-visit', true, `demo-visit-${campaignId}-${household.householdId}-2`);
    }
  });

  const flagged = new Map<string, IsoDate>();
  const bySuggestion = [...suggested.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
  await inPool(bySuggestion, 8, async ([suggestionId, { householdId, on, suggestion }]) => {
    if (deps.stopping()) return;
    const r = random.fork(`decision ${suggestionId}`);
    const draw = r.next();
    // The rules suggest, people decide: most at-risk suggestions on the record's income alone are
    // dismissed once the visit checked the income; most findings of the visit itself are accepted.
    const acceptShare = { 'at-risk': 0.3, 'data-quality': 0.75, rectification: 0.8 }[suggestion.kind];
    const dismissShare = { 'at-risk': 0.4, 'data-quality': 0.12, rectification: 0.08 }[suggestion.kind];
    const decidedOn = earlier(addDays(on, r.int(0, 3)), days.today);
    const address = { campaignId, householdId };
    const at = (day: IsoDate, key: string) => demoContext(deps.correlationId, instantOn(day, deps.clock, 15), key);
    if (draw < acceptShare) {
      tally(
        await deps.inspections.accept(
          address,
          {
            suggestionId,
            reason: REASONS.accept,
            ...(suggestion.kind === 'at-risk' && suggestion.riskTypes.length === 0
              ? { riskTypes: [mainRisk.get(householdId) ?? 'other'] }
              : {}),
          },
          at(decidedOn, `demo-accept-${suggestionId}`),
        ),
      );
      count.accepted[suggestion.kind] += 1;
      if (suggestion.kind === 'at-risk') flagged.set(householdId, decidedOn);
      const fixedOn = addDays(decidedOn, r.int(1, 6));
      if (suggestion.kind === 'at-risk' || fixedOn > days.today || !r.chance(0.3)) return;
      if (suggestion.kind === 'data-quality')
        tally(
          await deps.inspections.resolveIssue(
            address,
            { issueId: suggestionId, resolution: REASONS.resolve },
            at(fixedOn, `demo-resolve-${suggestionId}`),
          ),
        );
      else
        tally(
          await deps.inspections.closeItem(
            address,
            { itemId: suggestionId, resolution: REASONS.close },
            at(fixedOn, `demo-close-${suggestionId}`),
          ),
        );
    } else if (draw < acceptShare + dismissShare)
      tally(
        await deps.inspections.dismiss(
          address,
          { suggestionId, reason: REASONS.dismiss },
          at(decidedOn, `demo-dismiss-${suggestionId}`),
        ),
      );
  });

  const kinds = [...suggested.values()].map(({ suggestion }) => suggestion.kind);
  return {
    householdsVisited: visiting.length,
    completed: count.completed,
    completedLate: count.completedLate,
    contacts: count.contacts,
    suggestions: {
      atRisk: kinds.filter((k) => k === 'at-risk').length,
      dataQuality: kinds.filter((k) => k === 'data-quality').length,
      rectification: kinds.filter((k) => k === 'rectification').length,
    },
    accepted: {
      atRisk: count.accepted['at-risk'],
      dataQuality: count.accepted['data-quality'],
      rectification: count.accepted.rectification,
    },
    dismissed: count.dismissed,
    dataQualityIssuesOpened: count.issuesOpened,
    dataQualityIssuesResolved: count.issuesResolved,
    rectificationItemsOpened: count.itemsOpened,
    rectificationItemsClosed: count.itemsClosed,
    flagged,
  };
}
