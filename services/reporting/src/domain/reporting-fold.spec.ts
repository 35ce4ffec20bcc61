import { describe, expect, it } from '@jest/globals';
import { isWithin } from '@relapse-watch/domain-kernel';
import {
  CAMPAIGN,
  COUNTY,
  LINE_2024_FEN,
  PROVINCE,
  scenarioEvents,
  scenarioHouseholds,
  TOWNSHIPS,
  VILLAGES,
  type ScenarioHousehold,
} from '../testing/report-scenario';
import { foldReportEvent, settleHouseholds } from './reporting-fold';
import { ReportingState } from './reporting-state';
import { contextIds, type CampaignContext, type ProvinceYearContext } from './reporting-context';
import { tierReportOf, type TierReport } from './tier-report/tier-report';
import type { ReportEvent } from './report-event';

const OFFSET = 480;

function fold(events: readonly ReportEvent[]): ReportingState {
  const state = new ReportingState();
  for (const event of events) foldReportEvent(state, event, OFFSET);
  settleHouseholds(state);
  return state;
}

function report(state: ReportingState, unitCode: string, year = 2024, asOfDate = '2024-12-31'): TierReport {
  const provinceYear = state.context<ProvinceYearContext>(contextIds.provinceYear(PROVINCE, year));
  const campaignId = provinceYear?.campaignIds?.at(-1);
  const campaign = campaignId ? state.context<CampaignContext>(contextIds.campaign(campaignId)) : null;
  return tierReportOf(unitCode, state.unit(unitCode), { year, asOfDate, campaign, provinceYear });
}

const count = (households: readonly ScenarioHousehold[], test: (h: ScenarioHousehold) => boolean) =>
  households.filter(test).length;
const identifiedIn = (h: ScenarioHousehold, year: string) => h.monitoring?.identifiedOn?.startsWith(year) ?? false;
const monitoredNow = (h: ScenarioHousehold) => h.monitoring?.identifiedOn != null && h.monitoring.eliminated === null;

/** The figures of a unit computed from the households' attributes alone. */
function expected(households: readonly ScenarioHousehold[]) {
  const inspected = households.filter((h) => h.inspection !== null);
  const incomeCounted = households.filter((h) => h.povertyAlleviated || monitoredNow(h));
  const resolved = households.filter((h) => h.issue?.resolvedOn != null);
  return {
    households: households.length,
    povertyAlleviated: count(households, (h) => h.povertyAlleviated),
    inspected: inspected.length,
    inspectedByDeadline: count(inspected, (h) => !h.inspection!.late),
    online: count(inspected, (h) => h.inspection!.methods.includes('online-communication')),
    guide: count(inspected, (h) => h.inspection!.guide),
    monitoredInspected: count(inspected, monitoredNow),
    leaflet: count(inspected, (h) => monitoredNow(h) && h.inspection!.leaflet),
    new2024: count(households, (h) => identifiedIn(h, '2024')),
    new2023: count(households, (h) => identifiedIn(h, '2023')),
    illness2024: count(households, (h) => identifiedIn(h, '2024') && h.monitoring!.riskTypes.includes('illness')),
    bySelfApplication2024: count(
      households,
      (h) => identifiedIn(h, '2024') && h.monitoring!.source === 'self-application',
    ),
    monitored: count(households, monitoredNow),
    openLeads: count(households, (h) => h.monitoring !== null && h.monitoring.identifiedOn === null),
    overOneYear: count(households, (h) => monitoredNow(h) && h.monitoring!.identifiedOn! <= '2023-12-31'),
    incomeRecorded: incomeCounted.length,
    belowLine: count(incomeCounted, (h) => h.income[2024] < LINE_2024_FEN),
    decliners: count(incomeCounted, (h) => h.income[2024] < h.income[2023]),
    withMeasure: count(households, (h) => monitoredNow(h) && h.monitoring!.measure !== null),
    labourCapableWithoutDevelopment: count(
      households,
      (h) => monitoredNow(h) && h.labourCapable && h.monitoring!.measure !== 'industry',
    ),
    eliminated: count(households, (h) => h.monitoring?.eliminated != null),
    // Monitored over a year: eliminated after the first anniversary of the identification.
    eliminatedOver1y: count(households, (h) => {
      const m = h.monitoring;
      if (m?.eliminated == null || m.identifiedOn === null) return false;
      return m.eliminated.on > `${Number(m.identifiedOn.slice(0, 4)) + 1}${m.identifiedOn.slice(4)}`;
    }),
    openIssues: count(households, (h) => h.issue !== null && h.issue.resolvedOn === null),
    resolved: resolved.length,
    rectificationOpen: count(households, (h) => h.rectification !== null && !h.rectification.closed),
    rectificationClosedLate: count(households, (h) => h.rectification?.closed === true && h.rectification.late),
  };
}

function actual(r: TierReport) {
  return {
    households: r.households.total,
    povertyAlleviated: r.households.povertyAlleviated,
    inspected: r.campaign!.inspected,
    inspectedByDeadline: r.campaign!.inspectedByDeadline,
    online: r.campaign!.byMethod['online-communication'],
    guide: r.policyAwareness!.applicationGuide,
    monitoredInspected: r.policyAwareness!.monitoredInspected,
    leaflet: r.policyAwareness!.assistancePolicyLeaflet,
    new2024: r.newSubjects.total,
    new2023: r.newSubjects.lastYearTotal,
    illness2024: r.newSubjects.byRiskType['illness'] ?? 0,
    bySelfApplication2024: r.newSubjects.byLeadSource['self-application'] ?? 0,
    monitored: r.monitoring.total,
    openLeads: r.monitoring.openLeads,
    overOneYear: r.monitoring.overOneYear,
    incomeRecorded: r.income.recorded,
    belowLine: r.income.belowLine['monitoring-threshold'] ?? 0,
    decliners: r.income.decliners,
    withMeasure: r.assistance.withMeasure,
    labourCapableWithoutDevelopment: r.assistance.labourCapableWithoutDevelopmentMeasure,
    eliminated: r.elimination.total,
    eliminatedOver1y: r.elimination.byDuration['1-2y'] + r.elimination.byDuration['over-2y'],
    openIssues: r.dataQuality.openIssues['income.recompute'] ?? 0,
    resolved: r.dataQuality.resolved,
    rectificationOpen: r.rectification['assistance-measures']?.open ?? 0,
    rectificationClosedLate: r.rectification['assistance-measures']?.closedLate ?? 0,
  };
}

describe('the reporting fold', () => {
  const households = scenarioHouseholds(300);
  const state = fold(scenarioEvents(households));

  it.each([
    ['a village', VILLAGES[0]],
    ['another village', VILLAGES[2]],
    ['a township', TOWNSHIPS[0]],
    ['the county', COUNTY],
    ['the province', PROVINCE],
  ])('gives %s the figures its households’ attributes give', (_name, unitCode) => {
    const within = households.filter((h) => isWithin(h.villageCode, unitCode));
    expect(within.length).toBeGreaterThan(0);
    expect(actual(report(state, unitCode))).toEqual(expected(within));
  });

  it('counts the villages a team covered, by the teams-in-place deadline and after it', () => {
    const county = report(state, COUNTY).campaign!;
    // Team 1 covered two villages on 15 Aug, team 2 the third on 20 Aug, after the 16 Aug deadline.
    expect(county).toMatchObject({ villages: 3, villagesCovered: 3, villagesCoveredByDeadline: 2 });
    expect(report(state, TOWNSHIPS[1]).campaign).toMatchObject({ villagesCovered: 1, villagesCoveredByDeadline: 0 });
  });

  it.each([
    ['a village', VILLAGES[1]],
    ['a township', TOWNSHIPS[1]],
    ['the county', COUNTY],
  ])('gives %s the campaign’s days: inspections and villages first covered, each day and to date', (_n, unitCode) => {
    const within = households.filter((h) => isWithin(h.villageCode, unitCode) && h.inspection !== null);
    // Team 1 covered the first two villages on 15 Aug, team 2 the third on 20 Aug (the events' days).
    const coveredOn = new Map<string, string>([
      [VILLAGES[0], '2024-08-15'],
      [VILLAGES[1], '2024-08-15'],
      [VILLAGES[2], '2024-08-20'],
    ]);
    const villagesOn = (day: string) => VILLAGES.filter((v) => isWithin(v, unitCode) && coveredOn.get(v) === day);
    const days = [
      ...new Set([
        ...within.map((h) => h.inspection!.completedOn),
        ...VILLAGES.filter((v) => isWithin(v, unitCode)).map((v) => coveredOn.get(v)!),
      ]),
    ].sort();
    const expectedDays = days.map((date) => ({
      date,
      inspected: within.filter((h) => h.inspection!.completedOn === date).length,
      villagesCovered: villagesOn(date).length,
      inspectedToDate: within.filter((h) => h.inspection!.completedOn <= date).length,
      villagesCoveredToDate: VILLAGES.filter((v) => isWithin(v, unitCode) && coveredOn.get(v)! <= date).length,
    }));
    const campaign = report(state, unitCode).campaign!;
    expect(campaign.daily).toEqual(expectedDays);
    expect(days.length).toBeGreaterThan(10);
    // At each deadline the series reads what the deadline figures say, and at its end the totals.
    const at = (day: string) => campaign.daily.filter((d) => d.date <= day).at(-1);
    expect(at(CAMPAIGN.inspectBy)?.inspectedToDate).toBe(campaign.inspectedByDeadline);
    expect(at(CAMPAIGN.teamsInPlaceBy)?.villagesCoveredToDate ?? 0).toBe(campaign.villagesCoveredByDeadline);
    expect(campaign.daily.at(-1)).toMatchObject({
      inspectedToDate: campaign.inspected,
      villagesCoveredToDate: campaign.villagesCovered,
    });
  });

  it('recounts the households below a line published after their incomes', () => {
    const events = scenarioEvents(households);
    const threshold = events.findIndex((e) => e.name === 'ThresholdPublished');
    const reordered = [...events.slice(0, threshold), ...events.slice(threshold + 1), events[threshold]];
    const late = fold(reordered);
    expect(report(late, COUNTY).income.belowLine).toEqual(report(state, COUNTY).income.belowLine);
    expect(report(late, COUNTY).income.belowLine['monitoring-threshold']).toBeGreaterThan(0);
  });

  it('counts teams formed before their campaign’s launch arrived against its deadline all the same', () => {
    const events = scenarioEvents(households);
    const launch = events.findIndex((e) => e.name === 'CampaignLaunched');
    const late = fold([...events.slice(0, launch), ...events.slice(launch + 1), events[launch]]);
    expect(report(late, COUNTY).campaign).toEqual(report(state, COUNTY).campaign);
  });

  it('moves a household’s counts when a later event places it in another village', () => {
    const [first] = households;
    const other = VILLAGES.find((v) => v !== first.villageCode)!;
    const before = report(state, other).households.total;
    const moved = fold([
      ...scenarioEvents(households),
      {
        position: 1e6,
        id: 'moved',
        context: 'registry',
        name: 'HouseholdStatusChanged',
        version: 1,
        subject: first.householdId,
        time: '2024-12-01T00:00:00.000Z',
        divisionCode: other,
        data: {
          householdId: first.householdId,
          villageCode: other,
          changed: 'flags',
          status: first.povertyAlleviated
            ? { kind: 'poverty-alleviated', yearLeftPoverty: 2019 }
            : { kind: 'ordinary' },
          flags: { relocatedToResettlementSite: true, urbanHukou: false },
        },
      },
    ]);
    expect(report(moved, other).households.total).toBe(before + 1);
    expect(report(moved, first.villageCode).households.total).toBe(
      report(state, first.villageCode).households.total - 1,
    );
    expect(report(moved, COUNTY).households).toMatchObject({ total: 300, relocated: 1 });
  });

  it('gives the same units whether contributions settle after every event or once at the end', () => {
    const eachTime = new ReportingState();
    for (const event of scenarioEvents(households)) {
      foldReportEvent(eachTime, event, OFFSET);
      settleHouseholds(eachTime);
    }
    for (const unit of [...VILLAGES, ...TOWNSHIPS, COUNTY, PROVINCE])
      expect(eachTime.unit(unit)).toEqual(state.unit(unit));
  });

  it('gives the same report from the same events, byte for byte, and ignores events it does not count', () => {
    const events = scenarioEvents(households);
    const noise: ReportEvent = { ...events[5], name: 'HouseholdRigidExpenditureRecorded', position: 1e6 + 1 };
    const again = fold([...events, noise]);
    expect(JSON.stringify(report(again, COUNTY))).toBe(JSON.stringify(report(state, COUNTY)));
  });

  it('reports a unit nothing was counted in as zeros, and no campaign for a year without one', () => {
    const r = report(state, '511923999000', 2023);
    expect(r).toMatchObject({ tier: 'township', households: { total: 0 }, campaign: null, policyAwareness: null });
    expect(CAMPAIGN.campaignId).toBe('c-2024');
  });
});
