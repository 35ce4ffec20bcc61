// Spec-only support: the assistance scenario's two deployments, as operators run them — the
// embedded process, or registry, inspection, assistance and gateway each their own process on
// PostgreSQL + Kafka + FerretDB with fresh schemas, a fresh database and fresh consumer groups.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { topicGroup } from '@relapse-watch/service-runtime';
import { serviceUrl, TEST_CLOCK_START } from '@relapse-watch/testing';
import { startGroupAtEnd } from './kafka-group.fixture';
import { startService, type ServiceProcess } from './service-process.fixture';

const REGISTRY_TOPIC = 'relapsewatch.registry.events.v1';
const INSPECTION_TOPIC = 'relapsewatch.inspection.events.v1';
const ASSISTANCE_TOPIC = 'relapsewatch.assistance.events.v1';
const running: ServiceProcess[] = [];
/** The event store each distributed deployment shares, by the URL its users call. */
const eventStores = new Map<string, string>();
const folders: string[] = [];
/** Stops every process started here (the last first) and removes their data folders. */
export async function stopDeployments(): Promise<void> {
  for (const service of running.reverse()) await service.stop();
  folders.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
}

/** The scenario's day and hour in China: what "today" is for every process of the run. */
export const SCENARIO_CLOCK_START = TEST_CLOCK_START;

async function started(project: string, env: Record<string, string>, args: string[] = []): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'rw-e2e-assistance-'));
  folders.push(dir);
  const service = await startService(project, { DATA_DIR: dir, ...env }, args);
  running.push(service);
  return service.url;
}

// The deadline watcher every half second: the overdue marks appear while the scenario runs. Every
// process's clock starts on the scenario's day (the deciders refuse a step dated after today, the
// calendar ships 2024–2026, the guard counts months back from today's), so the run does not
// depend on the day it runs.
const CLOCK = { CLOCK_START: SCENARIO_CLOCK_START };

/** What a suite adds to the deployment. */
export interface DeploymentOptions {
  /** The deadline watcher's interval (`DEADLINE_WATCH_INTERVAL_MS`; '0' turns it off). Default every 500 ms. */
  readonly deadlineWatchMs?: string;
  /** Distributed mode: also the reporting service, its own process behind the gateway (the embedded process has it always). */
  readonly reporting?: boolean;
}

/**
 * The reporting as its own process: a fresh inbox schema and a fresh group, started at the end of
 * the three contexts' topics, so it keeps only this run's events (every earlier run's stay on the
 * shared broker). Resolves with its URL for the gateway's REPORTING_URL.
 */
async function startReporting(shared: Record<string, string>, id: string): Promise<string> {
  const group = `reporting-scenario-${id}`;
  for (const topic of [REGISTRY_TOPIC, INSPECTION_TOPIC, ASSISTANCE_TOPIC])
    await startGroupAtEnd(topicGroup(group, topic), topic);
  return started('services/reporting', {
    ...shared,
    ...CLOCK,
    REPORTING_CONSUMER_GROUP: group,
    REPORTING_INBOX_URL: `${serviceUrl('POSTGRES_URL')}?schema=e2e_reporting_inbox_${id}`,
  });
}

const MODES: Record<'embedded' | 'distributed', (options: DeploymentOptions) => Promise<string>> = {
  embedded: ({ deadlineWatchMs = '500' }) =>
    started(
      'apps/embedded',
      { ...CLOCK, DEADLINE_WATCH_INTERVAL_MS: deadlineWatchMs, RESIDENT_ID_SALT: `e2e-assistance-${randomUUID()}` },
      ['--no-demo'],
    ),
  distributed: async ({ deadlineWatchMs = '500', reporting = false }) => {
    const id = randomUUID().replaceAll('-', '').slice(0, 16);
    const mongo = new URL(serviceUrl('MONGODB_URL'));
    mongo.pathname = `/e2e_assistance_${id}`;
    const shared = {
      EVENT_STORE_URL: `${serviceUrl('POSTGRES_URL')}?schema=e2e_assistance_${id}`,
      READ_STORE_URL: mongo.toString(),
      BUS_URL: serviceUrl('KAFKA_URL'),
      KEY_STORE_URL: `${serviceUrl('POSTGRES_URL')}?schema=e2e_assistance_keys_${id}`,
      // Every process seals the shared log (the fixture's AUDIT_SEAL_KEY); within the run, not a minute.
      AUDIT_SEAL_INTERVAL_MS: '500',
    };
    const salt = `e2e-assistance-${id}`;
    // Fresh groups started at the end of the topics: each service folds only this run's events.
    const inspectionGroup = `inspection-assistance-scenario-${id}`;
    const assistanceGroup = `assistance-scenario-${id}`;
    await startGroupAtEnd(topicGroup(inspectionGroup, REGISTRY_TOPIC), REGISTRY_TOPIC);
    await startGroupAtEnd(topicGroup(assistanceGroup, REGISTRY_TOPIC), REGISTRY_TOPIC);
    await startGroupAtEnd(topicGroup(assistanceGroup, INSPECTION_TOPIC), INSPECTION_TOPIC);
    const registry = await started('services/household-registry', { ...shared, ...CLOCK, RESIDENT_ID_SALT: salt });
    const inspection = await started('services/inspection', {
      ...shared,
      ...CLOCK,
      REGISTRY_URL: registry,
      INSPECTION_CONSUMER_GROUP: inspectionGroup,
    });
    const assistance = await started('services/assistance', {
      ...shared,
      ...CLOCK,
      DEADLINE_WATCH_INTERVAL_MS: deadlineWatchMs,
      RESIDENT_ID_SALT: salt,
      ASSISTANCE_CONSUMER_GROUP: assistanceGroup,
    });
    const gateway = await started('services/gateway', {
      ...shared,
      ...CLOCK,
      REGISTRY_URL: registry,
      INSPECTION_URL: inspection,
      ASSISTANCE_URL: assistance,
      ...(reporting ? { REPORTING_URL: await startReporting(shared, id) } : {}),
    });
    eventStores.set(gateway, shared.EVENT_STORE_URL);
    return gateway;
  },
};

/** The PostgreSQL event store every process of the distributed deployment at `base` shares. */
export function sharedEventStoreOf(base: string): string {
  const url = eventStores.get(base);
  if (url === undefined) throw new Error(`no distributed deployment at ${base}`);
  return url;
}

/** Starts the scenario's deployment in `mode`; resolves with the URL its users call. */
export function deployAssistance(mode: 'embedded' | 'distributed', options: DeploymentOptions = {}): Promise<string> {
  return MODES[mode](options);
}
