// The web app's production build (`npm run build -w @relapse-watch/web`: vite, then the
// precompressed twins), as the gateway serves it.
import { spawnSync } from 'node:child_process';
import { root } from '../event-store/harness.mjs';

export function buildWeb(log) {
  log('building the web app (vite build)');
  const build = spawnSync('npm', ['run', 'build', '-w', '@relapse-watch/web'], { cwd: root, stdio: ['ignore', 2, 2] });
  if (build.status !== 0) throw new Error('the web build failed');
}
