import { Inject, Module, type OnApplicationBootstrap } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@relapse-watch/event-store-core';
import { RUNTIME_LOGGER, ShutdownSequence, STORE_EMPTY_AT_START } from '@relapse-watch/service-runtime';
import type { Logger } from 'pino';
import type { Clock } from '@relapse-watch/domain-kernel';
import { REGISTRY_CLOCK, REGISTRY_REFERENCE } from '../api/registry.tokens';
import { RegistryModule } from '../api/registry.module';
import { REGISTRY_CONFIG, type RegistryConfig } from '../config/registry.config';
import type { RegistryReference } from '../divisions/registry-reference';
import type { HouseholdSheetImportResult } from '../import/household-sheet.import';
import type { SheetHousehold } from '../import/household-sheet.types';
import { demoCountyHouseholds, seedDemoCounty } from './demo-seed';

/** Injection token of the {@link DemoCountySeeding}: what a composition seeds after the county. */
export const DEMO_COUNTY_SEEDING = Symbol.for('relapse-watch.registry.demo-county-seeding');

/**
 * The demo county's seeding as a composition root sees it (the embedded process seeds the other
 * contexts' demo activity after it): when it is done, and the households it imported.
 */
export interface DemoCountySeeding {
  /**
   * Resolves once the seed is over: what the import did, or null when nothing was seeded (the
   * store held data, or the seed failed, which is logged). Never rejects.
   */
  readonly done: Promise<HouseholdSheetImportResult | null>;
  /** The demo county's households as the seed's sheet holds them (the same on every call). */
  households(): Iterable<SheetHousehold>;
}

/**
 * Seeds the demo county once the app is up, in the background: the server answers at once and
 * the households appear as the import goes (a few seconds). Only an empty event store is seeded.
 */
class DemoSeeder implements OnApplicationBootstrap, DemoCountySeeding {
  private seeding: Promise<void> = Promise.resolve();
  private finish: (result: HouseholdSheetImportResult | null) => void = () => undefined;
  readonly done = new Promise<HouseholdSheetImportResult | null>((resolve) => (this.finish = resolve));

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

  households(): Iterable<SheetHousehold> {
    const directory = this.reference.directories.get('51');
    return directory === undefined ? [] : demoCountyHouseholds(directory);
  }

  onApplicationBootstrap(): void {
    const directory = this.reference.directories.get('51');
    if (directory === undefined) return this.finish(null);
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
        this.finish(result);
      },
      (err: unknown) => {
        this.logger.error({ err }, '演示数据载入失败 / demo seeding failed');
        this.finish(null);
      },
    );
  }
}

/** The demo data of `npm start` (left out with `--no-demo`): a generated county on an empty store. */
@Module({
  imports: [RegistryModule],
  providers: [DemoSeeder, { provide: DEMO_COUNTY_SEEDING, useExisting: DemoSeeder }],
  exports: [DEMO_COUNTY_SEEDING],
})
export class DemoSeedModule {}
