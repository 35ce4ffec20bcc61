import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  generateCaseload,
  householdKeysOf,
  importCaseloadSheet,
  writeCaseloadSheet,
  type CaseCommands,
  type CaseListDocument,
  type CaseListQueries,
  type CaseloadSheetImportResult,
  type DeadlineWatcher,
  type GeneratedCase,
} from '@relapse-watch/assistance';
import {
  addDays,
  DomainError,
  fixedOffsetClock,
  householdIdFor,
  type Clock,
  type IsoDate,
} from '@relapse-watch/domain-kernel';
import type { EventStore } from '@relapse-watch/event-store-core';
import { writeHouseholdSheet, type SeededRandom, type SheetHousehold } from '@relapse-watch/household-registry';
import type { RequestContext } from '@relapse-watch/service-runtime';
import { DEMO_ACTOR, demoContext } from './demo-actor';
import { instantOn, type DemoCampaignDays } from './demo-calendar';
import { DEMO_COUNTY } from './demo-campaign.seed';
import type { DemoMonitoring } from './demo-findings';

/** Share of the demo county's households in the existing caseload (Pingchang was a poverty county). */
const CASELOAD_SHARE = 0.06;
const CASELOAD_SEED = 'relapse-watch-demo-caseload';

/** What the caseload import did, and where each of its households stands. */
export interface DemoCaseloadOutcome {
  readonly imported: CaseloadSheetImportResult;
  readonly monitoring: ReadonlyMap<string, DemoMonitoring>;
}

/**
 * The county's existing monitoring caseload, loaded as a province adopting the system loads the
 * national system's export: the household sheet the registry's demo imported is written again,
 * `cases generate` draws a caseload over it (6 % of households, exported the day before the
 * launch) and `cases import` reads it back into the event store as that day's import.
 */
export async function seedDemoCaseload(
  deps: { readonly store: EventStore; readonly clock: Clock },
  days: DemoCampaignDays,
  households: () => Iterable<SheetHousehold>,
): Promise<DemoCaseloadOutcome> {
  const folder = mkdtempSync(join(tmpdir(), 'rw-demo-caseload-'));
  try {
    const householdSheet = join(folder, 'demo-county.csv');
    const caseloadSheet = join(folder, 'demo-caseload.csv');
    await writeHouseholdSheet(households(), { kind: 'csv', path: householdSheet });
    const asOf = addDays(days.launchedOn, -1);
    const generated: GeneratedCase[] = [];
    async function* kept(cases: AsyncIterable<GeneratedCase>) {
      for await (const generatedCase of cases) {
        generated.push(generatedCase);
        yield generatedCase;
      }
    }
    const cases = generateCaseload(householdKeysOf(householdSheet), {
      seed: CASELOAD_SEED,
      share: CASELOAD_SHARE,
      asOf,
    });
    await writeCaseloadSheet(kept(cases), { kind: 'csv', path: caseloadSheet });
    const exportedAt = instantOn(asOf, deps.clock, 18);
    const imported = await importCaseloadSheet({
      file: caseloadSheet,
      store: deps.store,
      clock: fixedOffsetClock(deps.clock.utcOffsetMinutes, () => exportedAt),
      actor: DEMO_ACTOR,
      progressFile: null,
      errorFile: join(folder, 'demo-caseload.errors.csv'),
    });
    const monitoring = new Map<string, DemoMonitoring>(
      generated.map((c) => [
        householdIdFor(c.villageCode, c.householdNumber),
        c.eliminatedOn === null ? 'monitored' : 'eliminated',
      ]),
    );
    return { imported, monitoring };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** What the procedure part did. */
export interface DemoProcedureOutcome {
  /** Cases the inspection's accepted suggestions opened here (phase `lead` before any step). */
  readonly leadCases: number;
  /** Cases moved on by a step, by the phase they were left in. */
  readonly byPhase: Readonly<Record<string, number>>;
  /** Steps the deadline watcher marked overdue once the list showed the steps (the marks of the assistance service itself). */
  readonly overdueMarked: number;
}

const WHY = '入户核实属实 / confirmed at home';

/** Dependencies of the procedure part. */
export interface DemoProcedureDeps {
  readonly clock: Clock;
  readonly cases: CaseCommands;
  readonly caseList: CaseListQueries;
  readonly deadlines: Pick<DeadlineWatcher, 'runOnce'>;
  readonly correlationId: string;
  readonly stopping: () => boolean;
  /** Waits a little between looks at the case list. */
  readonly pause: () => Promise<void>;
}

/** The county's cases in phase `lead`, every page. */
async function leadCases(caseList: CaseListQueries): Promise<CaseListDocument[]> {
  const found: CaseListDocument[] = [];
  for (let offset = 0; ;) {
    const page = await caseList.inUnit(DEMO_COUNTY, { phase: 'lead' }, { offset });
    found.push(...page.items);
    offset += page.items.length;
    if (page.items.length === 0 || offset >= page.total) return found;
  }
}

/**
 * Takes the cases the concentrated inspection's leads opened (once the assistance service has
 * them all) a few steps down the identification procedure through its own use cases, each step on
 * its day: some left as leads, others accepted, verified at home, compared with the departments'
 * data, reviewed by the village, under an open public notice, reviewed by the township or
 * identified by the county — so the cases page shows steps, working days left and overdue steps.
 */
export async function seedDemoProcedures(
  deps: DemoProcedureDeps,
  days: DemoCampaignDays,
  expectedLeads: number,
  random: SeededRandom,
): Promise<DemoProcedureOutcome> {
  let leads = await leadCases(deps.caseList);
  for (let tries = 0; leads.length < expectedLeads && tries < 600 && !deps.stopping(); tries++) {
    await deps.pause();
    leads = await leadCases(deps.caseList);
  }
  const byPhase: Record<string, number> = {};
  const walked = new Map<string, string>();
  for (const lead of [...leads].sort((a, b) => (a.caseId < b.caseId ? -1 : 1))) {
    if (deps.stopping()) break;
    const phase = await walkProcedure(deps, days, lead, random.fork(lead.caseId));
    walked.set(lead.caseId, phase);
    if (phase !== 'lead') byPhase[phase] = (byPhase[phase] ?? 0) + 1;
  }
  // The watcher reads the case list: once the list shows every step, its run marks what is overdue
  // today, instead of at its next hourly run.
  for (let tries = 0; tries < 600 && !deps.stopping(); tries++) {
    const docs = await Promise.all([...walked.keys()].map((caseId) => deps.caseList.byId(caseId)));
    if (docs.every((doc, i) => doc?.phase === [...walked.values()][i])) break;
    await deps.pause();
  }
  const overdue = deps.stopping() ? null : await deps.deadlines.runOnce();
  return { leadCases: leads.length, byPhase, overdueMarked: overdue?.marked.length ?? 0 };
}

/** One step of the walk: the depth it needs, days after the step before, the phase it leaves, and the command. */
interface WalkStep {
  readonly depth: number;
  readonly gap: number;
  readonly phase: string;
  /** Answers the day it was recorded on when that is not `on` (a notice closes on its first allowed day), or null to stop. */
  readonly run: (on: IsoDate, ctx: RequestContext) => Promise<IsoDate | null | void>;
}

/** The steps of one case, as far as its drawn depth and today allow; answers the phase it is left in. */
async function walkProcedure(
  deps: DemoProcedureDeps,
  days: DemoCampaignDays,
  lead: CaseListDocument,
  r: SeededRandom,
): Promise<string> {
  const depth = [0, 0, 1, 1, 2, 2, 3, 4, 5, 5, 6, 7][r.int(0, 11)];
  const { caseId } = lead;
  let closesNoEarlierThan: IsoDate = lead.openedOn;
  const steps: readonly WalkStep[] = [
    {
      depth: 1,
      gap: r.int(0, 2),
      phase: 'accepted',
      run: (on, ctx) => deps.cases.step(caseId, 'AcceptLead', { on, reason: WHY }, ctx).then(() => undefined),
    },
    {
      depth: 2,
      gap: r.int(1, 3),
      phase: 'home-verified',
      run: (on, ctx) =>
        deps.cases
          .step(
            caseId,
            'RecordHomeVerification',
            { on, consentSigned: true, findings: '家庭收支与排查所见一致 / income and spending as the visit found' },
            ctx,
          )
          .then(() => undefined),
    },
    {
      depth: 3,
      gap: r.int(1, 3),
      phase: 'compared',
      run: (on, ctx) =>
        deps.cases
          .step(
            caseId,
            'RecordDepartmentComparison',
            {
              on,
              results: [
                { department: 'civil-affairs', finding: 'consistent', note: null },
                { department: 'health-insurance', finding: 'consistent', note: null },
                { department: 'housing', finding: 'no-record', note: '无房产登记 / no housing record' },
              ],
            },
            ctx,
          )
          .then(() => undefined),
    },
    {
      depth: 4,
      gap: r.int(1, 2),
      phase: 'village-reviewed',
      run: (on, ctx) =>
        deps.cases
          .step(
            caseId,
            'RecordVillageReview',
            {
              on,
              outcome: 'approved',
              minutesRef: `村评〔${days.year}〕${r.int(1, 40)}号`,
              vote: { inFavour: r.int(7, 12), against: r.int(0, 1), abstained: 0 },
              reason: WHY,
            },
            ctx,
          )
          .then(() => undefined),
    },
    {
      depth: 5,
      gap: 0,
      phase: 'notice-posted',
      run: async (on, ctx) => {
        const result = await deps.cases.step(caseId, 'PostPublicNotice', { on }, ctx);
        for (const event of result.events)
          if (event.type === 'MonitoringCasePublicNoticePosted') closesNoEarlierThan = event.data.closesNoEarlierThan;
      },
    },
    {
      depth: 6,
      gap: 0,
      phase: 'notice-closed',
      // The notice runs its minimum days: closed on its first allowed day, or left open when that is after today.
      run: async (on, ctx) => {
        const closeOn = closesNoEarlierThan > on ? closesNoEarlierThan : on;
        if (closeOn > days.today) return null;
        await deps.cases.step(caseId, 'ClosePublicNotice', { on: closeOn }, { ...ctx, now: at(closeOn) });
        return closeOn;
      },
    },
    {
      depth: 6,
      gap: r.int(1, 2),
      phase: 'township-reviewed',
      run: (on, ctx) =>
        deps.cases
          .step(caseId, 'RecordTownshipReview', { on, outcome: 'approved', reason: WHY }, ctx)
          .then(() => undefined),
    },
    {
      depth: 7,
      gap: r.int(1, 3),
      phase: 'identified',
      run: (on, ctx) =>
        deps.cases
          .step(
            caseId,
            'ApproveIdentification',
            {
              on,
              category: lead.suggestion?.category ?? 'marginal-prone-to-poverty',
              riskTypes: lead.suggestion?.riskTypes.length ? [...lead.suggestion.riskTypes] : ['illness'],
              reason: WHY,
            },
            ctx,
          )
          .then(() => undefined),
    },
  ];
  function at(on: IsoDate): Date {
    return instantOn(on, deps.clock, 11);
  }
  let day: IsoDate = lead.openedOn;
  let phase = 'lead';
  for (const step of steps) {
    const on = addDays(day, step.gap);
    if (depth < step.depth || on > days.today) break;
    const recorded = await step
      .run(on, demoContext(deps.correlationId, at(on), `demo-case-${caseId}-${step.phase}`))
      .catch(beyondCalendar);
    if (recorded === null) break;
    day = recorded ?? on;
    phase = step.phase;
  }
  return phase;
}

/**
 * A step whose time limit runs into a year the working-day calendar has no holiday schedule for
 * (the State Council publishes the next year's late in the year) is refused by the service: the
 * case waits at the step before, as it would for an official.
 */
function beyondCalendar(error: unknown): null {
  if (error instanceof DomainError && error.code === 'calendar.year-not-configured') return null;
  throw error;
}
