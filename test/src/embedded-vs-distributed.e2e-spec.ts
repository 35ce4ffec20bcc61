import { TEST_AUDIT_SEAL_KEY, TEST_MASTER_KEYS, serviceUrl } from '@relapse-watch/testing';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { createContractValidator } from '@relapse-watch/contracts/testing';
import { brokersFromKafkaUrl, KafkaBus } from '@relapse-watch/messaging-kafka';
import { asAdministrator, canonicalJson, registryReadModels, runRegistryScenario } from './e2e/registry.scenario';
import { runCli, startService, type ServiceProcess } from './e2e/service-process.fixture';

// DESIGN.md "Runtime modes": the same scenario in embedded mode (one process, SQLite, in-process
// bus) and in distributed mode (PostgreSQL + Kafka + FerretDB, the registry and the gateway each
// their own process, the gateway forwarding /api/registry) gives identical read models.
const running: ServiceProcess[] = [];
const folders: string[] = [];
afterAll(async () => {
  for (const service of running.reverse()) await service.stop();
  folders.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rw-e2e-'));
  folders.push(dir);
  return dir;
}

/** A running mode: its URL and the event store and salt a `households import` next to it writes with. */
interface Mode {
  readonly url: string;
  readonly eventStore: string;
  readonly salt: string;
  /** What the CLI next to the mode needs besides its options: the deployment's key store (none for a SQLite file: beside it). */
  readonly cliEnv: Record<string, string>;
}

async function embedded(): Promise<string> {
  return (await embeddedMode()).url;
}

async function embeddedMode(salt = `e2e-embedded-salt-${randomUUID()}`): Promise<Mode> {
  // Without the demo county: the scenario starts from an empty register, as the distributed one does.
  const dataDir = tempDir();
  const app = await startService('apps/embedded', { DATA_DIR: dataDir, RESIDENT_ID_SALT: salt }, ['--no-demo']);
  running.push(app);
  // The service runs with the test master key (the fixture's environment), so its CLI does too.
  return {
    url: app.url,
    eventStore: `sqlite:${join(dataDir, 'events.db')}`,
    salt,
    cliEnv: { MASTER_KEYS: TEST_MASTER_KEYS, AUDIT_SEAL_KEY: TEST_AUDIT_SEAL_KEY },
  };
}

async function distributed(): Promise<string> {
  return (await distributedMode()).url;
}

async function distributedMode(salt?: string): Promise<Mode> {
  const id = randomUUID().replaceAll('-', '').slice(0, 16);
  const residentIdSalt = salt ?? `e2e-salt-${id}`;
  const mongo = new URL(serviceUrl('MONGODB_URL'));
  mongo.pathname = `/e2e_${id}`;
  const shared = {
    EVENT_STORE_URL: `${serviceUrl('POSTGRES_URL')}?schema=e2e_${id}`,
    READ_STORE_URL: mongo.toString(),
    BUS_URL: serviceUrl('KAFKA_URL'),
    // One key store for every process of the deployment and its CLI (a file per process would split it).
    KEY_STORE_URL: `${serviceUrl('POSTGRES_URL')}?schema=e2e_keys_${id}`,
  };
  const registry = await startService('services/household-registry', {
    ...shared,
    DATA_DIR: tempDir(),
    RESIDENT_ID_SALT: residentIdSalt,
  });
  running.push(registry);
  const gateway = await startService('services/gateway', {
    ...shared,
    DATA_DIR: tempDir(),
    REGISTRY_URL: registry.url,
  });
  running.push(gateway);
  return {
    url: gateway.url,
    eventStore: shared.EVENT_STORE_URL,
    salt: residentIdSalt,
    cliEnv: { KEY_STORE_URL: shared.KEY_STORE_URL, MASTER_KEYS: TEST_MASTER_KEYS, AUDIT_SEAL_KEY: TEST_AUDIT_SEAL_KEY },
  };
}

/** The register's households, every page, once it holds `count` of them. */
/** The parts of a household's read model the import scenario compares. */
interface ImportedHouseholdView {
  readonly household: { readonly householdId: string; readonly rigidExpenditures: readonly unknown[] };
  readonly openWarnings: readonly unknown[];
}

async function householdsOnceThere(base: string, count: number): Promise<ImportedHouseholdView[]> {
  for (let attempt = 0; attempt < 600; attempt++) {
    const first = (await (
      await fetch(`${base}/api/registry/households?divisionCode=510000000000&limit=1`, {
        headers: await asAdministrator(),
      })
    ).json()) as {
      total: number;
    };
    if (first.total >= count) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const households: ImportedHouseholdView[] = [];
  for (let offset = 0; ; offset += 100) {
    const page = (await (
      await fetch(`${base}/api/registry/households?divisionCode=510000000000&limit=100&offset=${offset}`, {
        headers: await asAdministrator(),
      })
    ).json()) as { items: ImportedHouseholdView[] };
    households.push(...page.items);
    if (page.items.length < 100) return households;
  }
}

/** The run's integration events on the real Kafka topic for these households, once `enough` says they are all there. */
async function kafkaEventsOf(
  ids: ReadonlySet<string>,
  group: string,
  enough: (events: readonly CloudEventSeen[]) => boolean,
): Promise<CloudEventSeen[]> {
  const bus = new KafkaBus({ brokers: brokersFromKafkaUrl(serviceUrl('KAFKA_URL')), clientId: 'e2e' });
  const seen: CloudEventSeen[] = [];
  const subscription = await bus.subscribe({
    topic: 'relapsewatch.registry.events.v1',
    group,
    handler: async (m) => void seen.push(JSON.parse(m.value)),
  });
  const mine = () => seen.filter((e) => ids.has(e.subject));
  for (let i = 0; i < 300 && !enough(mine()); i++) await new Promise((r) => setTimeout(r, 100));
  await subscription.close();
  await bus.close();
  return mine();
}

interface CloudEventSeen {
  readonly id: string;
  readonly time: string;
  readonly type: string;
  readonly subject: string;
  readonly data: unknown;
}

describe('embedded and distributed modes', () => {
  it('the same registry scenario leaves identical read models (compared by hash)', async () => {
    const run = randomUUID().slice(0, 8);
    const [embeddedUrl, distributedUrl] = await Promise.all([embedded(), distributed()]);
    const embeddedModels = await registryReadModels(embeddedUrl, await runRegistryScenario(embeddedUrl, run));
    const distributedModels = await registryReadModels(distributedUrl, await runRegistryScenario(distributedUrl, run));

    expect(embeddedModels.households).toHaveLength(10);
    expect(
      (embeddedModels.policy as { monitoringThreshold: { amountFen: number } }).monitoringThreshold.amountFen,
    ).toBe(720_000);
    // The full documents first, so a difference shows where it is; then the hash the issue asks for.
    expect(JSON.parse(canonicalJson(distributedModels))).toEqual(JSON.parse(canonicalJson(embeddedModels)));
    expect(distributedModels.hash).toBe(embeddedModels.hash);

    // What other government systems see: the run's integration events on the real Kafka topic,
    // each a CloudEvent of its contract, one household's events in order on its key.
    const ids = new Set(
      (distributedModels.households as { household: { householdId: string } }[]).map((h) => h.household.householdId),
    );
    const bus = new KafkaBus({ brokers: brokersFromKafkaUrl(serviceUrl('KAFKA_URL')), clientId: 'e2e' });
    const seen: { type: string; subject: string; data: unknown }[] = [];
    const subscription = await bus.subscribe({
      topic: 'relapsewatch.registry.events.v1',
      group: `e2e-${run}`,
      handler: async (m) => void seen.push(JSON.parse(m.value)),
    });
    const mine = () => seen.filter((e) => ids.has(e.subject));
    for (let i = 0; i < 300 && mine().filter((e) => e.type.endsWith('HouseholdRegistered.v1')).length < 10; i++)
      await new Promise((r) => setTimeout(r, 100));
    await subscription.close();
    await bus.close();
    const events = mine();
    expect(events.filter((e) => e.type === 'cn.relapsewatch.registry.HouseholdRegistered.v1')).toHaveLength(10);
    const validator = createContractValidator();
    for (const event of events) expect(validator.validate(event.type, event.data)).toEqual({ valid: true });
    for (const id of ids)
      expect(events.find((e) => e.subject === id)?.type).toBe('cn.relapsewatch.registry.HouseholdRegistered.v1');
  });

  it('a household sheet imported next to each mode (the CLI on its event store) leaves identical read models, and reaches Kafka as the contracts of the separate commands', async () => {
    const households = 40;
    // Household ids follow (village, number), and generated numbers start at 0001 in each village:
    // earlier runs on this Kafka topic published households with these ids; theirs are older.
    const startedAt = Date.now();
    const sheet = join(tempDir(), 'sheet.csv');
    const generated = await runCli([
      'generate',
      '--province',
      '51',
      '--households',
      String(households),
      '--seed',
      `e2e-import-${randomUUID()}`,
      '--out',
      sheet,
    ]);
    expect([generated.code, generated.stderr]).toEqual([
      0,
      expect.stringContaining(`Generated ${households} households`),
    ]);
    // One deployment salt, as one province's registry has: member ids derive from it.
    const salt = `e2e-import-salt-${randomUUID()}`;
    const [inOne, inMany] = await Promise.all([embeddedMode(salt), distributedMode(salt)]);
    for (const mode of [inOne, inMany]) {
      const imported = await runCli(
        [
          'households',
          'import',
          sheet,
          '--event-store',
          mode.eventStore,
          '--resident-id-salt',
          mode.salt,
          '--no-progress-file',
        ],
        mode.cliEnv,
      );
      expect([imported.code, imported.stderr.split('\n').filter((l) => /error|错误/i.test(l))]).toEqual([0, []]);
      expect(imported.stdout).toContain(`Imported ${households} households`);
    }
    const [one, many] = [
      await householdsOnceThere(inOne.url, households),
      await householdsOnceThere(inMany.url, households),
    ];
    expect(one).toHaveLength(households);
    expect(JSON.parse(canonicalJson(many))).toEqual(JSON.parse(canonicalJson(one)));

    // Each imported household (one HouseholdImported in the store) is published as the events
    // the separate commands would have published, each a valid CloudEvent of its contract: the
    // rigid expenditure only where the sheet had it, and a data-quality warning message for each
    // warning the import left open (the import's warnings are raised after the household exists).
    const ids = new Set(many.map((h) => h.household.householdId));
    const warningsOf = new Map(many.map((h) => [h.household.householdId, h.openWarnings.length]));
    const withRigid = new Set(
      many.filter((h) => h.household.rigidExpenditures.length > 0).map((h) => h.household.householdId),
    );
    expect(withRigid.size).toBeGreaterThan(0);
    const typesOf = (id: string) =>
      [
        'HouseholdRegistered',
        'HouseholdMembersChanged',
        'HouseholdIncomeRecorded',
        ...(withRigid.has(id) ? ['HouseholdRigidExpenditureRecorded'] : []),
        'HouseholdThreePlusOneStatusChanged',
        ...Array<string>(warningsOf.get(id) ?? 0).fill('HouseholdDataQualityWarningsChanged'),
      ].map((t) => `cn.relapsewatch.registry.${t}.v1`);
    const warned = [...warningsOf.values()].reduce((sum, n) => sum + n, 0);
    const expected = households * 4 + withRigid.size + warned;
    const ours = (seen: readonly CloudEventSeen[]) => seen.filter((e) => Date.parse(e.time) >= startedAt);
    const events = ours(
      await kafkaEventsOf(
        ids,
        `e2e-import-${randomUUID()}`,
        (seen) => new Set(ours(seen).map((e) => e.id)).size >= expected,
      ),
    );
    const unique = [...new Map(events.map((e) => [e.id, e])).values()];
    expect(unique).toHaveLength(expected);
    const validator = createContractValidator();
    for (const event of unique) expect(validator.validate(event.type, event.data)).toEqual({ valid: true });
    for (const id of ids) expect(unique.filter((e) => e.subject === id).map((e) => e.type)).toEqual(typesOf(id));
  });

  it('the gateway answers for a registry that is down with 503 upstream.unavailable, not a hang or a 500', async () => {
    const gateway = await startService('services/gateway', { DATA_DIR: tempDir(), REGISTRY_URL: 'http://127.0.0.1:9' });
    running.push(gateway);
    const res = await fetch(`${gateway.url}/api/registry/households`);
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ code: 'upstream.unavailable' });
  });
});
