import { Inject, Module, type DynamicModule, type OnApplicationBootstrap } from '@nestjs/common';
import { RUNTIME_LOGGER, ShutdownSequence, STORE_EMPTY_AT_START } from '@relapse-watch/service-runtime';
import type { Logger } from 'pino';
import { IDENTITY_COMMANDS } from '../api/identity.tokens';
import type { IdentityCommands } from '../application/identity-commands';
import { IdentityModule } from '../identity.module';
import { demoUsersBanner, seedDemoUsers } from './demo-users';

/** Where the demo banner is written: the process's stdout unless a spec gives its own. */
export const DEMO_BANNER_OUT = Symbol.for('relapse-watch.demo-banner-out');

/** Something that takes the banner text. */
export interface BannerOut {
  write(text: string): unknown;
}

/**
 * Seeds the demo users on a store that was empty at start, and prints their sign-in names and
 * one-time passwords once.
 */
class DemoUsersSeeder implements OnApplicationBootstrap {
  private seeding: Promise<void> = Promise.resolve();

  constructor(
    @Inject(STORE_EMPTY_AT_START) private readonly storeEmptyAtStart: boolean,
    @Inject(IDENTITY_COMMANDS) private readonly commands: IdentityCommands,
    @Inject(RUNTIME_LOGGER) private readonly logger: Logger,
    @Inject(DEMO_BANNER_OUT) private readonly out: BannerOut,
    shutdown: ShutdownSequence,
  ) {
    shutdown.register('subscribers', 'demo users', () => this.seeding);
  }

  onApplicationBootstrap(): void {
    this.seeding = seedDemoUsers(this.storeEmptyAtStart, this.commands, new Date()).then(
      (seeded) => {
        if (seeded === null) return;
        this.out.write(`${demoUsersBanner(seeded)}\n`);
        // The log says that it happened, never the passwords.
        this.logger.info({ users: seeded.length }, '已创建演示用户 / demo users added');
      },
      (err: unknown) => this.logger.error({ err }, '演示用户创建失败 / adding demo users failed'),
    );
  }
}

/** The demo users of `npm start` on an empty store (left out with `--no-demo`). */
@Module({
  imports: [IdentityModule],
  providers: [DemoUsersSeeder, { provide: DEMO_BANNER_OUT, useValue: process.stdout }],
})
export class DemoUsersModule {
  /** The module printing its banner to `out` instead of stdout (specs). */
  static printingTo(out: BannerOut): DynamicModule {
    return { module: DemoUsersModule, providers: [{ provide: DEMO_BANNER_OUT, useValue: out }] };
  }
}
