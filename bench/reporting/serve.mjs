// The reporting service as its own process over a prepared DATA_DIR (its inbox and read models
// written before), in embedded mode: what the tier-summary and as-of cases ask over HTTP.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { root } from '../event-store/harness.mjs';

/** Starts `node services/reporting/dist/main.js` on `dataDir`; resolves `url` once it listens. */
export function startReporting({ dataDir, log }) {
  const child = spawn(process.execPath, [join(root, 'services/reporting/dist/main.js')], {
    cwd: root,
    env: { PATH: process.env.PATH, DATA_DIR: dataDir, PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stderr = [];
  createInterface({ input: child.stderr }).on('line', (line) => stderr.length < 50 && stderr.push(line));
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  const url = new Promise((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (!line.startsWith('{')) return;
      const entry = JSON.parse(line);
      if (typeof entry.url === 'string') resolve(entry.url);
      else if (['warn', 'error', 'fatal'].includes(entry.level)) log(`server log: ${line.slice(0, 300)}`);
    });
    void exited.then((code) => reject(new Error(`reporting exited (${code}) before listening: ${stderr.join('\n')}`)));
  });
  const stop = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    return exited;
  };
  return { url, stop, pid: child.pid };
}
