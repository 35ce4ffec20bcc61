// Readers for docker-compose.yml, its override files and the Dockerfiles they build, used by
// docker-compose.spec.ts. No container engine runs here: these files are checked by structure.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';

export const REPO_ROOT = resolve(__dirname, '..', '..');

export function repoPath(...parts: string[]): string {
  return join(REPO_ROOT, ...parts);
}

export function readRepoFile(...parts: string[]): string {
  return readFileSync(repoPath(...parts), 'utf8');
}

// --- compose ---------------------------------------------------------------------------------

export interface ComposeHealthcheck {
  test?: string | string[];
  disable?: boolean;
}

export interface ComposeBuild {
  context?: string;
  dockerfile?: string;
  target?: string;
}

export interface ComposeService {
  image?: string;
  build?: string | ComposeBuild;
  profiles?: string[];
  environment?: Record<string, unknown> | string[];
  env_file?: unknown;
  depends_on?: Record<string, { condition?: string }> | string[];
  healthcheck?: ComposeHealthcheck;
  restart?: string;
  ports?: unknown[];
  volumes?: unknown[];
  command?: unknown;
}

export interface ComposeFile {
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
}

/** Parses a compose file as Compose does: YAML 1.1 merge keys (`<<: *anchor`) included. */
export function readCompose(path: string): ComposeFile {
  const doc = parse(readRepoFile(path), { merge: true }) as ComposeFile;
  if (!doc || typeof doc.services !== 'object') throw new Error(`${path} has no services`);
  return doc;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `docker compose -f a -f b`: mappings merge key by key, everything else is replaced. */
export function mergeCompose(base: ComposeFile, override: ComposeFile): ComposeFile {
  const merge = (a: unknown, b: unknown): unknown => {
    if (isPlainObject(a) && isPlainObject(b)) {
      const out: Record<string, unknown> = { ...a };
      for (const [key, value] of Object.entries(b)) out[key] = key in a ? merge(a[key], value) : value;
      return out;
    }
    return b;
  };
  return merge(base, override) as ComposeFile;
}

/** A service's `environment` as a map (the list form `NAME=value` too), values as written. */
export function environmentOf(service: ComposeService): Record<string, string> {
  const env = service.environment ?? {};
  if (Array.isArray(env)) {
    return Object.fromEntries(
      env.map((entry) => {
        const i = entry.indexOf('=');
        return i < 0 ? [entry, ''] : [entry.slice(0, i), entry.slice(i + 1)];
      }),
    );
  }
  return Object.fromEntries(
    Object.entries(env).map(([key, value]) => [key, value === null || value === undefined ? '' : String(value)]),
  );
}

export interface Interpolated {
  value: string;
  /** Variables read, with how: `required` for `${X:?…}`/`${X?…}`, `default` for `${X:-…}`, `plain` for `${X}`. */
  variables: { name: string; form: 'required' | 'default' | 'plain' | 'alternative' }[];
}

/**
 * Compose's interpolation of `$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR-default}`,
 * `${VAR:?error}`, `${VAR?error}`, `${VAR:+alternative}` and `$$`, against `env` (what a user's
 * .env would hold). A required variable that `env` lacks throws, as `docker compose` refuses.
 */
export function interpolate(text: string, env: Readonly<Record<string, string>>): Interpolated {
  const variables: Interpolated['variables'] = [];
  const pattern = /\$(?:\$|\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?)([-?+])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g;
  const value = text.replace(
    pattern,
    (whole, braced?: string, colon?: string, op?: string, arg?: string, bare?: string) => {
      if (whole === '$$') return '$';
      const name = (braced ?? bare) as string;
      const set = env[name];
      const present = colon === ':' ? set !== undefined && set !== '' : set !== undefined;
      switch (op) {
        case '?':
          variables.push({ name, form: 'required' });
          if (!present) throw new Error(`required variable ${name} is not set: ${arg}`);
          return set as string;
        case '-':
          variables.push({ name, form: 'default' });
          return present ? (set as string) : (arg ?? '');
        case '+':
          variables.push({ name, form: 'alternative' });
          return present ? (arg ?? '') : '';
        default:
          variables.push({ name, form: 'plain' });
          return set ?? '';
      }
    },
  );
  return { value, variables };
}

export interface PublishedPort {
  hostIp?: string;
  published?: string;
  target: number;
}

/** A `ports` entry, short (`[ip:][host:]container[/proto]`) or long syntax. */
export function parsePort(entry: unknown): PublishedPort {
  if (isPlainObject(entry)) {
    return {
      hostIp: entry.host_ip as string | undefined,
      published: entry.published?.toString(),
      target: Number(entry.target),
    };
  }
  const parts = String(entry)
    .replace(/\/(tcp|udp)$/, '')
    .split(':');
  const target = Number(parts.pop());
  const published = parts.pop();
  return { hostIp: parts.pop(), published, target };
}

export interface VolumeMount {
  source?: string;
  target: string;
}

/** A `volumes` entry of a service, short (`source:target[:mode]`) or long syntax. */
export function parseVolume(entry: unknown): VolumeMount {
  if (isPlainObject(entry)) return { source: entry.source as string | undefined, target: String(entry.target) };
  const parts = String(entry).split(':');
  return parts.length === 1 ? { target: parts[0] } : { source: parts[0], target: parts[1] };
}

// --- Dockerfile ------------------------------------------------------------------------------

export interface DockerStage {
  index: number;
  name?: string;
  /** The FROM image as written (an earlier stage's name when the stage builds on it). */
  from: string;
  instructions: { keyword: string; args: string }[];
}

/** The stages of a Dockerfile: comments dropped, `\` continuations joined, keywords upper-cased. */
export function parseDockerfile(text: string): DockerStage[] {
  const logical: string[] = [];
  let pending = '';
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (pending === '' && (line === '' || line.startsWith('#'))) continue;
    if (pending !== '' && line.startsWith('#')) continue;
    if (line.endsWith('\\')) {
      pending += line.slice(0, -1) + ' ';
      continue;
    }
    logical.push(pending + line);
    pending = '';
  }
  if (pending !== '') logical.push(pending);

  const stages: DockerStage[] = [];
  for (const line of logical) {
    const match = /^(\S+)\s*(.*)$/s.exec(line);
    if (!match) continue;
    const keyword = match[1].toUpperCase();
    const args = match[2].trim();
    if (keyword === 'FROM') {
      const from = /^(?:--platform=\S+\s+)?(\S+)(?:\s+AS\s+(\S+))?$/i.exec(args);
      if (!from) throw new Error(`cannot read FROM ${args}`);
      stages.push({ index: stages.length, from: from[1], name: from[2]?.toLowerCase(), instructions: [] });
    } else if (stages.length > 0) {
      stages[stages.length - 1].instructions.push({ keyword, args });
    }
  }
  return stages;
}

/** The stage `target` names, or the last stage (what `docker build` builds without --target). */
export function targetStage(stages: DockerStage[], target?: string): DockerStage | undefined {
  if (target === undefined) return stages[stages.length - 1];
  return stages.find((s) => s.name === target.toLowerCase());
}

/** The stage and the earlier stages it builds on (`FROM <stage>`), the stage itself first. */
export function stageChain(stages: DockerStage[], stage: DockerStage): DockerStage[] {
  const chain = [stage];
  let current = stage;
  for (;;) {
    const parent = stages.slice(0, current.index).find((s) => s.name === current.from.toLowerCase());
    if (!parent) return chain;
    chain.push(parent);
    current = parent;
  }
}

/** The last value of an instruction that a stage sets or inherits from the stages it builds on. */
export function effectiveInstruction(stages: DockerStage[], stage: DockerStage, keyword: string): string | undefined {
  for (const s of stageChain(stages, stage)) {
    const found = s.instructions.filter((i) => i.keyword === keyword).pop();
    if (found) return found.args;
  }
  return undefined;
}

/** `ENV` values a stage sets or inherits (`ENV A=1 B=2` and the old `ENV A 1` form). */
export function effectiveEnv(stages: DockerStage[], stage: DockerStage): Record<string, string> {
  const env: Record<string, string> = {};
  for (const s of stageChain(stages, stage).reverse()) {
    for (const { keyword, args } of s.instructions) {
      if (keyword !== 'ENV') continue;
      if (/^[A-Za-z_][A-Za-z0-9_]*\s+[^=]*$/.test(args) && !args.includes('=')) {
        const [name, ...rest] = args.split(/\s+/);
        env[name] = rest.join(' ');
        continue;
      }
      for (const pair of args.matchAll(/([A-Za-z_][A-Za-z0-9_]*)=("(?:[^"\\]|\\.)*"|\S*)/g)) {
        env[pair[1]] = pair[2].replace(/^"(.*)"$/, '$1');
      }
    }
  }
  return env;
}

/** The command of an exec-form CMD (`["node", "x.js"]`); undefined for the shell form. */
export function execForm(args: string | undefined): string[] | undefined {
  if (args === undefined || !args.startsWith('[')) return undefined;
  try {
    const parsed: unknown = JSON.parse(args);
    return Array.isArray(parsed) && parsed.every((p) => typeof p === 'string') ? (parsed as string[]) : undefined;
  } catch {
    return undefined;
  }
}

// --- scripts/start-distributed.mjs -----------------------------------------------------------

export interface DistributedProcess {
  name: string;
  main: string;
}

/** The `PROCESSES` array of scripts/start-distributed.mjs, read from its text (names and mains). */
export function distributedProcesses(scriptText: string): DistributedProcess[] {
  const block = /const\s+PROCESSES\s*=\s*\[([\s\S]*?)\n\];/.exec(scriptText);
  if (!block) throw new Error('scripts/start-distributed.mjs has no `const PROCESSES = [ … ];`');
  const processes: DistributedProcess[] = [];
  for (const entry of block[1].matchAll(/\{[^{}]*name:\s*'([^']+)'[^{}]*?main:\s*'([^']+)'/g)) {
    processes.push({ name: entry[1], main: entry[2] });
  }
  return processes;
}
