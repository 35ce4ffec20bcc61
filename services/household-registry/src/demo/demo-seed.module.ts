import { Inject, Module, type OnApplicationBootstrap } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@relapse-watch/event-store-core';
import { RUNTIME_LOGGER, ShutdownSequence, STORE_EMPTY_AT_START } from '@relapse-watch/service-runtime';
import type { Logger } from 'pino';
import type { Clock } from '@relapse-watch/domain-kernel';
import { REGISTRY_CLOCK, REGISTRY_REFERENCE } from '../api/registry.tokens';
import { RegistryModule } from '../api/registry.module';
import { REGISTRY_CONFIG, type RegistryConfig } from '../config/registry.config';
import type { RegistryReference } from '../divisions/registry-reference';
import { seedDemoCounty } from './demo-seed';

/**
 * Seeds the demo county once the app is up, in the background: the server answers at once and
 * the households appear as the import goes (a few seconds). Only an empty event store is seeded.
 */
class DemoSeeder implements OnApplicationBootstrap {
  private seeding: Promise<void> = Promise.resolve();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(REGISTRY_REFERENCE) private readonly reference: RegistryReference,
    @Inject(REGISTRY_CONFIG) private readonly config: RegistryConfig,
    @Inject(RUNTIME_LOGGER) private readonly logger: Logger,
    @Inject(REGISTRY_CLOCK) private readonly clock: Clock,
    @Inject(STORE_EMPTY_AT_START) private readonly storeEmptyAtStart: boolean,
    shutdown: ShutdownSequence,
  ) {
    // Before the stores close: a shutdown during seeding waits for the households in flight.
    shutdown.register('subscribers', 'demo seed', () => this.seeding);
  }

  onApplicationBootstrap(): void {
    const directory = this.reference.directories.get('51');
    if (directory === undefined) return;
    this.seeding = seedDemoCounty({
      store: this.store,
      directory,
      residentIdSalt: this.config.residentIdSalt,
      clock: this.clock,
      isKnownRegistrationDivision: this.reference.lookups.isKnownRegistrationPrefix,
      storeEmptyAtStart: this.storeEmptyAtStart,
    }).then(
      (result) => {
        if (result)
          this.logger.info(
            { households: result.households, rows: result.acceptedRows, ms: Math.round(result.elapsedMs) },
            '已载入演示数据（平昌县）/ demo county seeded',
          );
      },
      (err: unknown) => this.logger.error({ err }, '演示数据载入失败 / demo seeding failed'),
    );
  }
}

/** The demo data of `npm start` (left out with `--no-demo`): a generated county on an empty store. */
@Module({ imports: [RegistryModule], providers: [DemoSeeder] })
export class DemoSeedModule {}
