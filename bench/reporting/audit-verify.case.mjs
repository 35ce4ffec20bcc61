// bench/reporting, case `audit-verify` (run through main.mjs): issue 13's tamper-evidence check
// against its target of ≥ 200,000 events/s. Builds the audit lib and the event-store adapters
// with event-store/build-ours.mjs (built JavaScript, as a deployed CLI runs), then in a child of
// its own (audit-verify.child.mjs): writes N events of realistic size into a fresh store in large
// multi-stream appends, seals them (LogSealer, a seal every 10,000 events), and times verifyLog —
// every event's hash recomputed from its stored text, every chain and every seal. One JSON line.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildOursEnv, reporter } from '../event-store/harness.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const { log } = reporter('reporting');

/** Runs the case; resolves true when the child ran to the end and the log verified intact. */
export async function run(options) {
  const workDir = mkdtempSync(join(tmpdir(), 'relapse-bench-audit-verify-'));
  try {
    const env = buildOursEnv(
      [
        '@relapse-watch/audit',
        '@relapse-watch/event-store-core',
        '@relapse-watch/event-store-sqlite',
        '@relapse-watch/event-store-postgres',
      ],
      join(workDir, 'build'),
      log,
    );
    const code = await new Promise((resolve) => {
      const child = spawn(
        process.execPath,
        [
          join(here, 'audit-verify.child.mjs'),
          `--events=${options.events}`,
          `--store=${options.store}`,
          `--seal-interval=${options['seal-interval']}`,
          `--dir=${workDir}`,
          ...(options.threads === undefined ? [] : [`--threads=${options.threads}`]),
        ],
        { stdio: 'inherit', env: { ...process.env, ...env } },
      );
      for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => child.kill(signal));
      child.on('exit', (exitCode, signal) => resolve(exitCode ?? signal));
    });
    if (code !== 0) log(`audit-verify failed (${code})`);
    return code === 0;
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}
