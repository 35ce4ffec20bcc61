#!/usr/bin/env node
// `npm run bench -- assistance --cases=cases`: issue 12's `cases` case. Monitoring cases driven
// from lead through identification and risk elimination with the service's own use cases
// (CaseCommands) on the embedded event store (SQLite file, synchronous=FULL, its writer thread),
// with the case list projecting into the embedded read store alongside, as the embedded process
// runs it. Each case is 16 commands: the lead, 8 identification steps (acceptance … county
// approval), the elimination proposal (the guard judges the household), 6 elimination steps.
// One JSON line: `ours` = commands/s over the timed cases. See bench/README.md, "assistance".
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseOptions, positiveInt, reporter, root } from '../event-store/harness.mjs';
import { peakRssMB } from '../event-store/workload.mjs';

const { log, emit } = reporter('assistance');
const options = parseOptions(process.argv.slice(2), 'usage: cases.mjs [--cases-count=N] [--concurrency=N]', {
  'cases-count': { default: 100_000, parse: positiveInt, help: 'cases driven through (16 commands each)' },
  concurrency: { default: 256, parse: positiveInt, help: 'cases in flight at once' },
  warmup: { default: 1_000, parse: positiveInt, help: 'cases driven first, not timed' },
});

execFileSync(path.join(root, 'node_modules/.bin/tsc'), ['-b', 'services/assistance/tsconfig.lib.json'], {
  cwd: root,
  stdio: 'inherit',
});
const require = createRequire(import.meta.url);
const dist = (p) => require(path.join(root, p));
const { CaseCommands } = dist('services/assistance/dist/application/case-commands.js');
const { CaseSchedule, NATIONAL_CASE_POLICY } = dist('services/assistance/dist/application/case-policy.js');
const { caseListProjection } = dist('services/assistance/dist/read-model/case-list/case-list.projection.js');
const { SqliteEventStore } = dist('libs/event-store/sqlite/dist/index.js');
const { SqliteReadStore } = dist('libs/read-store/sqlite/dist/index.js');
const { ProjectionRunner } = dist('libs/read-store/core/dist/index.js');
const { callerOf } = dist('libs/access/dist/index.js');
const { fixedOffsetClock } = dist('libs/domain-kernel/dist/index.js');

// Every household: one working member, monthly income observations above 2025's line (8,000 yuan
// per capita against 7,200) through November, 3+1 secured: the guard allows elimination in December.
const monthEnds = ['01-31', '02-28', '03-31', '04-30', '05-31', '06-30', '07-31', '08-31', '09-30', '10-31', '11-30'];
const facts = (householdId) => ({
  householdId,
  villageCode: '511902001001',
  householdNumber: householdId,
  status: { kind: 'ordinary' },
  flags: { relocatedToResettlementSite: false, urbanHukou: false },
  members: [{ memberId: 'm-1', labourCapacity: 'ordinary', livesInHousehold: true }],
  incomes: monthEnds.map((d) => ({
    period: { kind: 'twelve-months', endingOn: `2025-${d}` },
    netIncomeFen: 3_200_000,
    perCapitaNetIncomeFen: 800_000,
    divisorMembers: 4,
    transferFen: 0,
    recordedOn: `2025-${d}`,
  })),
  rigidExpenditures: [],
  riskEvents: [],
  threePlusOne: {
    foodAndClothingSecured: true,
    compulsoryEducationSecured: true,
    medicalInsuranceCovered: true,
    housingGrade: 'A',
    drinkingWaterSafe: true,
    recordedOn: '2025-01-10',
  },
  openWarnings: [],
  warningsRaised: 0,
  legacyMonitoring: null,
  registeredOn: '2024-01-01',
});
const households = {
  facts: (id) => Promise.resolve(facts(id)),
  monitoringLinesFen: (_province, years) => Promise.resolve(Object.fromEntries(years.map((y) => [y, 720_000]))),
};

const dir = mkdtempSync(path.join(tmpdir(), 'rw-bench-assistance-cases-'));
const store = SqliteEventStore.open({ path: path.join(dir, 'events.db') });
const reads = SqliteReadStore.open({ path: path.join(dir, 'read.db') });
const clock = { ...fixedOffsetClock(480), now: () => new Date('2025-12-15T02:00:00Z') };
const commands = new CaseCommands({ store, clock, households, schedule: new CaseSchedule(NATIONAL_CASE_POLICY) });
const projection = new ProjectionRunner(caseListProjection, store, reads, {
  onError: (err) => log(`projection: ${err}`),
});
const official = callerOf({
  kind: 'user',
  id: 'bench-official',
  role: 'province-official',
  unitCode: '510000000000',
  villageCodes: [],
});
let sequence = 0;
const ctx = () => ({ caller: official, correlationId: `bench-${++sequence}` });
const review = (on) => ({ on, reason: '评议同意', outcome: 'approved', minutesRef: 'CM-1', vote: null });

/** One case from lead to elimination: 16 commands. Dates worked out on the 2025 calendar (no holiday in March or November). */
async function driveCase(n) {
  const householdId = `h-${n}`;
  const lead = { source: 'self-application', referenceId: `a-${n}`, department: null, summary: null };
  const { caseId } = await commands.submitLead({ householdId, lead, on: '2025-03-03' }, ctx());
  const step = (type, data) => commands.step(caseId, type, data, ctx());
  await step('AcceptLead', { on: '2025-03-04', reason: '受理' });
  await step('RecordHomeVerification', { on: '2025-03-05', consentSigned: true, findings: '核实' });
  await step('RecordDepartmentComparison', {
    on: '2025-03-06',
    results: [{ department: 'civil-affairs', finding: 'consistent', note: null }],
  });
  await step('RecordVillageReview', review('2025-03-07'));
  await step('PostPublicNotice', { on: '2025-03-10' }); // 5 days end Sat 15 → Mon 17; closes from the 18th
  await step('ClosePublicNotice', { on: '2025-03-18' });
  await step('RecordTownshipReview', { on: '2025-03-19', reason: '审核通过', outcome: 'approved' });
  await step('ApproveIdentification', {
    on: '2025-03-20',
    reason: '符合条件',
    category: 'marginal-prone-to-poverty',
    riskTypes: ['illness'],
  });
  const proposal = await commands.proposeElimination(
    caseId,
    { on: '2025-11-03', reason: '收入稳定', assessment: { risksGone: ['illness'], rigidSpending: [] } },
    ctx(),
  );
  if (!proposal.check.allowed) throw new Error(`guard refused: ${proposal.check.reasons.map((r) => r.code)}`);
  await step('RecordEliminationVerification', { on: '2025-11-04', findings: '收入稳定' });
  await step('RecordVillageReview', review('2025-11-05'));
  await step('PostPublicNotice', { on: '2025-11-06' }); // 5 days end Tue 11; closes from the 12th
  await step('ClosePublicNotice', { on: '2025-11-12' });
  await step('RecordTownshipReview', { on: '2025-11-13', reason: '同意', outcome: 'approved' });
  const granted = await step('GrantElimination', { on: '2025-11-14', reason: '风险消除' });
  if (granted.state.phase !== 'eliminated') throw new Error(`case ${caseId} ended in ${granted.state.phase}`);
}

async function driveAll(from, count, concurrency) {
  let next = from;
  const end = from + count;
  const worker = async () => {
    while (next < end) await driveCase(next++);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
}

const COMMANDS_PER_CASE = 16;
await projection.start();
log(`warming up on ${options.warmup} cases`);
await driveAll(0, options.warmup, options.concurrency);
const total = options['cases-count'];
log(`${total} cases, ${options.concurrency} in flight`);
const cpuBefore = process.cpuUsage();
const started = process.hrtime.bigint();
await driveAll(options.warmup, total, options.concurrency);
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
const cpu = process.cpuUsage(cpuBefore);
const catchUpStarted = process.hrtime.bigint();
await projection.waitUntilCaughtUp(await store.headPosition());
const projectionCatchUpSeconds = Number(process.hrtime.bigint() - catchUpStarted) / 1e9;
await projection.stop();
const eliminated = await reads.count(caseListProjection.collection, { phase: 'eliminated' });
await store.close();
await reads.close();
rmSync(dir, { recursive: true, force: true });

const ours = Math.round((total * COMMANDS_PER_CASE) / seconds);
emit({
  case: 'cases',
  unit: 'commands/s',
  ours,
  casesPerSecond: Math.round(total / seconds),
  cases: total,
  commands: total * COMMANDS_PER_CASE,
  seconds: Math.round(seconds * 100) / 100,
  projectionCatchUpSeconds: Math.round(projectionCatchUpSeconds * 100) / 100,
  cpuMsPerCommand: Math.round(((cpu.user + cpu.system) / 1000 / (total * COMMANDS_PER_CASE)) * 1000) / 1000,
  caseListEliminated: eliminated,
  concurrency: options.concurrency,
  target: { commandsPerSecond: 5000 },
  meetsTarget: ours >= 5000,
  peakRssMB: peakRssMB(),
  node: process.version,
});
if (eliminated !== total + options.warmup) {
  log(`the case list shows ${eliminated} eliminated cases, expected ${total + options.warmup}`);
  process.exit(1);
}
