import { Module, type DynamicModule } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@relapse-watch/event-store-core';
import {
  ACCESS_TOKEN_KEYS,
  ACCESS_TOKEN_REVOCATIONS,
  AccessTokenSigner,
  AccessTokenVerifier,
  BUS_CONSUMER,
  type AccessTokenKeys,
  type BusConsumerDeclaration,
  type AccessTokenRevocations,
} from '@relapse-watch/service-runtime';
import { ACCESS_TOKEN_SIGNING_KEY, ConfigError } from '@relapse-watch/service-runtime/config';
import { AuthController } from './api/auth.controller';
import {
  CLIENT_CREDENTIALS,
  IDENTITY_COMMANDS,
  IDENTITY_QUERIES,
  IDENTITY_TOKEN_VERIFIER,
  SIGN_IN_SERVICE,
  TEAM_COVERAGE_SYNC,
} from './api/identity.tokens';
import {
  GATEWAY_BUS_TRANSPORT,
  GATEWAY_CONSUMER_GROUP,
  InspectionTeamsConsumer,
} from './api/inspection-teams.consumer';
import { OAuthTokenController } from './api/oauth-token.controller';
import { UsersController } from './api/users.controller';
import { ClientCredentialsService } from './application/client-credentials.service';
import { IdentityCommands } from './application/identity-commands';
import { IdentityQueries } from './application/identity-queries';
import { PasswordHasher } from './application/password-hasher';
import { SignInAttempts } from './application/sign-in-attempts';
import { SignInService } from './application/sign-in.service';
import { TeamCoverageSync } from './application/team-coverage.sync';
import { IDENTITY_CONFIG, loadIdentityConfig, type IdentityConfig } from './config/identity.config';

const ACCESS_TOKEN_SIGNER = Symbol.for('relapse-watch.access-token-signer');

/**
 * The gateway's sign-in: users, client systems and sessions as events, argon2id passwords,
 * short-lived access tokens signed with the gateway's key, rotating refresh tokens.
 */
@Module({
  controllers: [AuthController, OAuthTokenController, UsersController, InspectionTeamsConsumer],
  providers: [
    { provide: IDENTITY_CONFIG, useFactory: () => loadIdentityConfig() },
    {
      provide: ACCESS_TOKEN_SIGNER,
      useFactory: (keys: AccessTokenKeys, config: IdentityConfig) => {
        // Only the gateway holds the private key; without it no one could sign in.
        if (keys.signing === undefined)
          throw new ConfigError(
            ACCESS_TOKEN_SIGNING_KEY,
            '网关签发访问令牌，必须设置 / is required: the gateway issues the access tokens',
          );
        return new AccessTokenSigner(keys.signing, config.accessTokenTtlSeconds);
      },
      inject: [ACCESS_TOKEN_KEYS, IDENTITY_CONFIG],
    },
    {
      provide: IDENTITY_TOKEN_VERIFIER,
      useFactory: (keys: AccessTokenKeys) => new AccessTokenVerifier(keys.verifying),
      inject: [ACCESS_TOKEN_KEYS],
    },
    {
      provide: PasswordHasher,
      useFactory: (config: IdentityConfig) => new PasswordHasher(config.argon2),
      inject: [IDENTITY_CONFIG],
    },
    {
      provide: SignInAttempts,
      useFactory: (config: IdentityConfig) => new SignInAttempts(config.signInLimits),
      inject: [IDENTITY_CONFIG],
    },
    {
      // The runtime mounts the team consumer on the app's bus (in-process or Kafka) in group `gateway`.
      provide: BUS_CONSUMER,
      useValue: { group: GATEWAY_CONSUMER_GROUP, transportId: GATEWAY_BUS_TRANSPORT } satisfies BusConsumerDeclaration,
    },
    {
      provide: TEAM_COVERAGE_SYNC,
      useFactory: (store: EventStore) => new TeamCoverageSync(store),
      inject: [EVENT_STORE],
    },
    { provide: IDENTITY_QUERIES, useFactory: (store: EventStore) => new IdentityQueries(store), inject: [EVENT_STORE] },
    {
      provide: IDENTITY_COMMANDS,
      useFactory: (store: EventStore, hasher: PasswordHasher) => new IdentityCommands(store, hasher),
      inject: [EVENT_STORE, PasswordHasher],
    },
    {
      provide: SIGN_IN_SERVICE,
      useFactory: (
        store: EventStore,
        queries: IdentityQueries,
        commands: IdentityCommands,
        hasher: PasswordHasher,
        attempts: SignInAttempts,
        signer: AccessTokenSigner,
        revocations: AccessTokenRevocations,
        config: IdentityConfig,
      ) =>
        new SignInService(
          store,
          queries,
          commands,
          hasher,
          attempts,
          signer,
          revocations,
          config.refreshTokenTtlSeconds,
        ),
      inject: [
        EVENT_STORE,
        IDENTITY_QUERIES,
        IDENTITY_COMMANDS,
        PasswordHasher,
        SignInAttempts,
        ACCESS_TOKEN_SIGNER,
        ACCESS_TOKEN_REVOCATIONS,
        IDENTITY_CONFIG,
      ],
    },
    {
      provide: CLIENT_CREDENTIALS,
      useFactory: (
        queries: IdentityQueries,
        hasher: PasswordHasher,
        attempts: SignInAttempts,
        signer: AccessTokenSigner,
      ) => new ClientCredentialsService(queries, hasher, attempts, signer),
      inject: [IDENTITY_QUERIES, PasswordHasher, SignInAttempts, ACCESS_TOKEN_SIGNER],
    },
  ],
  exports: [IDENTITY_COMMANDS, IDENTITY_QUERIES],
})
export class IdentityModule {
  /** The module with a configuration of its own instead of the environment's (specs, benchmarks). */
  static withConfig(config: IdentityConfig): DynamicModule {
    return { module: IdentityModule, providers: [{ provide: IDENTITY_CONFIG, useValue: config }] };
  }
}
