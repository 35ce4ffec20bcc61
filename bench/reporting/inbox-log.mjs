// The reporting benchmark's log: a province of generated households as the reporting's inbox
// holds their integration events (SQLite file, appended in large multi-stream batches), so each
// case measures the reporting over the same log. Five events a household on average: registered,
// members, two years of income, an inspection; one in twelve households also has a monitoring
// case (opened, identified, a measure started), one in eight a data-quality issue.
import { createRequire } from 'node:module';
import path from 'node:path';
import { root } from '../event-store/harness.mjs';

const require = createRequire(import.meta.url);
const dist = (p) => require(path.join(root, p));

/** Sichuan-shaped village codes: 21 prefectures × 9 counties × 17 townships × 11 villages ≈ 35,000. */
export function villageCodes() {
  const codes = [];
  for (let p = 1; p <= 21; p++)
    for (let c = 1; c <= 9; c++)
      for (let t = 100; t <= 116; t++)
        for (let v = 201; v <= 211; v++)
          codes.push(`51${String(p).padStart(2, '0')}${String(c).padStart(2, '0')}${t}${v}`);
  return codes;
}

function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CAMPAIGN = '51-2024';
const PROVINCE = '510000000000';

/**
 * The events of `households` households (in household order, each household's in its own order),
 * `[streamId, NewEvent]` pairs, with times spread over 2024 so an as-of date cuts the log.
 */
export function* provinceEvents(households, seed = 2024, { light = false } = {}) {
  const { idempotentEventId } = dist('libs/event-store/core/dist/index.js');
  const villages = villageCodes();
  const next = random(seed);
  let serial = 0;
  const event = (subject, context, name, time, divisionCode, data) => {
    const streamId = `reporting-inbox-${subject}`;
    serial += 1;
    return [
      streamId,
      {
        id: idempotentEventId('bench', String(serial), 0),
        type: `cn.relapsewatch.${context}.${name}.v1`,
        data,
        metadata: {
          actor: { userId: 'reporting-inbox', role: 'integration' },
          divisionCode,
          correlationId: idempotentEventId('bench-correlation', String(serial), 0),
          causationId: null,
          occurredAt: time,
        },
      },
    ];
  };
  yield event(CAMPAIGN, 'inspection', 'CampaignLaunched', '2024-08-12T01:00:00.000Z', PROVINCE, {
    campaignId: CAMPAIGN,
    provinceCode: '51',
    year: 2024,
    launchedOn: '2024-08-12',
    teamsInPlaceBy: '2024-08-16',
    inspectBy: '2024-08-30',
  });
  yield event(`${PROVINCE}-2024`, 'registry', 'ThresholdPublished', '2024-01-05T01:00:00.000Z', PROVINCE, {
    provinceCode: '51',
    year: 2024,
    line: 'monitoring-threshold',
    revision: 1,
    amountFen: 760_000,
  });
  for (let h = 0; h < households; h++) {
    const householdId = `00000000-0000-4000-8000-${String(h).padStart(12, '0')}`;
    const village = villages[h % villages.length];
    const base = { householdId, villageCode: village };
    const day = String(1 + Math.floor(next() * 28)).padStart(2, '0');
    const month = String(1 + Math.floor(next() * 7)).padStart(2, '0');
    yield event(householdId, 'registry', 'HouseholdRegistered', `2024-${month}-${day}T02:00:00.000Z`, village, {
      ...base,
      householdNumber: `${village}${String(h).padStart(6, '0')}`,
      status: next() < 0.3 ? { kind: 'poverty-alleviated', yearLeftPoverty: 2019 } : { kind: 'ordinary' },
      flags: { relocatedToResettlementSite: next() < 0.05, urbanHukou: false },
    });
    if (light) {
      yield event(householdId, 'inspection', 'HouseholdInspectionCompleted', '2024-08-20T04:00:00.000Z', village, {
        ...base,
        campaignId: CAMPAIGN,
        round: 1,
        completedOn: '2024-08-20',
        late: false,
        methods: ['household-visit'],
        visited: true,
        keyGroupRuleIds: [],
        keyRegionIds: [],
        areas: [],
        suggestionCount: 0,
      });
      continue;
    }
    yield event(householdId, 'registry', 'HouseholdMembersChanged', `2024-${month}-${day}T02:00:01.000Z`, village, {
      ...base,
      members: [
        { memberId: 'm1', relationToHead: 'head', labourCapacity: next() < 0.7 ? 'ordinary' : 'lost' },
        { memberId: 'm2', relationToHead: 'spouse', labourCapacity: 'ordinary' },
      ],
      residentMemberCount: 2,
    });
    for (const year of [2023, 2024])
      yield event(
        householdId,
        'registry',
        'HouseholdIncomeRecorded',
        `2024-0${year === 2023 ? 2 : 9}-${day}T03:00:00.000Z`,
        village,
        {
          ...base,
          period: { kind: 'calendar-year', year },
          perCapitaNetIncomeFen: Math.floor(300_000 + next() * 2_000_000),
          divisorMembers: 2,
          divisorRule: 'household-members',
        },
      );
    if (next() < 0.85)
      yield event(
        householdId,
        'inspection',
        'HouseholdInspectionCompleted',
        `2024-08-${String(17 + Math.floor(next() * 14)).padStart(2, '0')}T04:00:00.000Z`,
        village,
        {
          ...base,
          campaignId: CAMPAIGN,
          round: 1,
          completedOn: '2024-08-25',
          late: next() < 0.1,
          methods: next() < 0.6 ? ['household-visit'] : ['household-visit', 'online-communication'],
          visited: true,
          keyGroupRuleIds: [],
          keyRegionIds: [],
          areas: [
            {
              area: 'policy-awareness',
              outcome: 'no-risk',
              answers: { 'application-guide': next() < 0.9, 'assistance-policy': next() < 0.5 },
            },
          ],
          suggestionCount: 0,
        },
      );
    if (h % 12 === 0) {
      const caseId = `case-${householdId}`;
      const at = (d) => ({ ...base, caseId, on: d, actor: { role: 'county-official' } });
      yield event(householdId, 'assistance', 'MonitoringCaseOpened', '2024-09-02T05:00:00.000Z', village, {
        ...at('2024-09-02'),
        lead: { source: 'cadre-inspection', referenceId: householdId, department: null },
        previousCaseId: null,
        suggestion: null,
        acceptBy: '2024-09-04',
      });
      yield event(householdId, 'assistance', 'MonitoringSubjectIdentified', '2024-09-20T05:00:00.000Z', village, {
        ...at('2024-09-20'),
        category: 'marginal-prone-to-poverty',
        riskTypes: ['illness'],
        suggestion: null,
      });
      yield event(householdId, 'assistance', 'AssistanceMeasureStarted', '2024-10-08T05:00:00.000Z', village, {
        ...at('2024-10-08'),
        measureId: `m-${householdId}`,
        category: next() < 0.5 ? 'industry' : 'health',
        timing: 'after-identification',
      });
    }
    if (h % 8 === 0)
      yield event(householdId, 'inspection', 'DataQualityIssueRaised', '2024-08-26T06:00:00.000Z', village, {
        ...base,
        issueId: `dq-${householdId}`,
        campaignId: CAMPAIGN,
        rule: 'income.recompute',
        field: 'income',
        evidence: [],
        raisedOn: '2024-08-26',
      });
  }
}

/**
 * Writes a log of at least `events` events (whole households) into a SQLite inbox at `file`; or,
 * with `households` and `light`, that many households of two events each (registered, inspected).
 * @returns the events written and the households they cover.
 */
export async function writeInbox(file, events, log, { households = Math.ceil(events / 5.2), light = false } = {}) {
  const { SqliteEventStore } = dist('libs/event-store/sqlite/dist/index.js');
  const inbox = SqliteEventStore.open({ path: file, synchronous: 'NORMAL' });
  let written = 0;
  let batch = [];
  const started = Date.now();
  const flush = async () => {
    if (batch.length === 0) return;
    await inbox.appendToStreams(batch);
    written += batch.length;
    batch = [];
  };
  for (const [streamId, event] of provinceEvents(households, 2024, { light })) {
    batch.push({ streamId, events: [event] });
    if (batch.length >= 5_000) await flush();
    if (written % 200_000 < 5_000 && batch.length === 0) log(`inbox: ${written} events written`);
  }
  await flush();
  await inbox.close();
  log(`inbox: ${written} events of ${households} households in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return { events: written, households };
}

/** The events and households of an inbox written before. */
export async function countInbox(file) {
  const { SqliteEventStore } = dist('libs/event-store/sqlite/dist/index.js');
  const inbox = SqliteEventStore.open({ path: file });
  try {
    const events = await inbox.headPosition();
    let households = 0;
    for await (const event of inbox.readAll())
      if (event.type === 'cn.relapsewatch.registry.HouseholdRegistered.v1') households += 1;
    return { events, households };
  } finally {
    await inbox.close();
  }
}
