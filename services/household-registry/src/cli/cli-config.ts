import type { DomainError } from '@relapse-watch/domain-kernel';
import {
  ConfigError,
  loadCommandLineConfig,
  maskValue,
  parseReadStoreUrl,
  type EventStoreTarget,
  type ReadStoreTarget,
  type CommandLineConfig,
  type PersonalDataConfig,
  type RuntimeMode,
} from '@relapse-watch/service-runtime/config';
import { dirname } from 'node:path';
import { loadRegistryConfig } from '../config/registry.config';
import type { CliIo } from './cli-io';
import { chosenEventStore as chosenCommandLineEventStore } from '@relapse-watch/service-runtime/cli';
import { readStoreError } from './read-store.option';

/** A store the CLI opens and where that choice came from, to say so in one line. */
export interface ChosenStore<T> {
  readonly target: T;
  /** `--event-store`, `EVENT_STORE_URL`, `DATA_DIR` (the embedded default under it) or `默认 default` (./data). */
  readonly from: string;
  /** The URL or file as it may be printed: a server URL's password masked. */
  readonly label: string;
}

/**
 * The configuration the server reads (libs/service-runtime's `loadCommandLineConfig`: DATA_DIR,
 * EVENT_STORE_URL, READ_STORE_URL …, all but the access-token keys, which a tool serving no HTTP
 * does not need), from the CLI's environment and working folder, so a sheet imported next to a
 * server lands in the server's store. Loaded from the runtime's `/config` entry: the CLI does
 * not pay for NestJS and the drivers unless it opens a server.
 * @throws ConfigError naming the variable at fault, as the server would stop on it.
 */
export function cliRuntimeConfig(io: CliIo): CommandLineConfig {
  return loadCommandLineConfig(io.env ?? {}, io.cwd);
}

/** The event store: `--event-store` when given, else the server's (EVENT_STORE_URL, else `events.db` under DATA_DIR). */
export function chosenEventStore(option: string | undefined, io: CliIo): ChosenStore<EventStoreTarget> {
  return chosenCommandLineEventStore(option, io.env ?? {}, io.cwd);
}

/**
 * Where the chosen event store's personal-data keys are: the server's configuration
 * (`KEY_STORE_URL`, `MASTER_KEYS`), except that a SQLite event store named by `--event-store`
 * brings the key store kept beside it (`keys.db`, and `master-keys` unless `MASTER_KEYS` is set),
 * as the embedded server keeps them next to its `events.db` — unless `KEY_STORE_URL` names one.
 */
export function chosenPersonalData(chosen: ChosenStore<EventStoreTarget>, io: CliIo): PersonalDataConfig {
  const env = io.env ?? {};
  if (chosen.from === '--event-store' && chosen.target.kind === 'sqlite' && !env['KEY_STORE_URL']?.trim())
    return loadCommandLineConfig({ ...env, DATA_DIR: dirname(chosen.target.path) }, io.cwd).personalData;
  return cliRuntimeConfig(io).personalData;
}

/** The read store: `--read-store` when given, else the server's (READ_STORE_URL, else `read.db` under DATA_DIR). */
export function chosenReadStore(option: string | undefined, io: CliIo): ChosenStore<ReadStoreTarget> {
  if (option !== undefined) {
    const target = asOptionError(() => parseReadStoreUrl('--read-store', option, io.cwd), readStoreError);
    return { target, from: '--read-store', label: labelOf(target) };
  }
  const target = cliRuntimeConfig(io).readStore;
  return { target, from: sourceOf(io, 'READ_STORE_URL'), label: labelOf(target) };
}

/**
 * The salt of resident-ID hashes: `--resident-id-salt`, else the registry's own configuration
 * (RESIDENT_ID_SALT; required, as for the server, in distributed mode: when the store written to
 * is a server), else the development default, with a warning through `io.err`.
 * @throws ConfigError for a salt missing in distributed mode or too short.
 */
export function chosenResidentIdSalt(option: string | undefined, io: CliIo, mode: RuntimeMode): string {
  const env = io.env ?? {};
  let salt: string;
  try {
    salt = loadRegistryConfig(mode, option === undefined ? env : { ...env, RESIDENT_ID_SALT: option }).residentIdSalt;
  } catch (error) {
    // The option's own name in the line, not the variable it stands in for.
    if (option === undefined || !(error instanceof ConfigError)) throw error;
    throw new ConfigError('--resident-id-salt', error.problem, error.given);
  }
  if (option === undefined && !env.RESIDENT_ID_SALT?.trim())
    io.err(
      '注意 / note: 未设置 RESIDENT_ID_SALT，使用开发用默认盐值 / RESIDENT_ID_SALT is not set; using the development default salt',
    );
  return salt;
}

/** A command-line option the runtime's parser refused: the CLI's own one-line error, not a configuration error. */
function asOptionError<T>(parse: () => T, error: (from: string, problem: string) => DomainError): T {
  try {
    return parse();
  } catch (caught) {
    if (caught instanceof ConfigError) throw error(caught.variable, caught.problem);
    throw caught;
  }
}

function sourceOf(io: CliIo, variable: string): string {
  const set = (name: string) => (io.env?.[name]?.trim() ?? '') !== '';
  if (set(variable)) return variable;
  return set('DATA_DIR') ? 'DATA_DIR' : '默认 default';
}

function labelOf(target: EventStoreTarget | ReadStoreTarget): string {
  return target.kind === 'sqlite' ? target.path : maskValue(target.url);
}
