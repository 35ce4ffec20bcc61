import { existsSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { ConfigError, maskValue } from '@relapse-watch/service-runtime';

/** Injection token of the {@link WebAppConfig}. */
export const WEB_APP_CONFIG = Symbol.for('relapse-watch.web-app-config');

/** Where the built dashboard lies, or null when there is none to serve. */
export interface WebAppConfig {
  readonly distDir: string | null;
}

// From src/web-app or dist/web-app of services/gateway: both four levels below the repository.
const DEFAULT_DIST = resolve(__dirname, '..', '..', '..', '..', 'web', 'dist');

/**
 * Reads `WEB_DIST_DIR` (default: the repository's web/dist, what `npm run build` writes): the one
 * place the gateway reads `process.env` for the web app. A default folder without index.html
 * (a build without the web app, a container of the API alone) serves nothing; a folder named
 * explicitly must hold a build.
 * @throws ConfigError for a WEB_DIST_DIR that is not an absolute path to a folder with index.html.
 */
export function loadWebAppConfig(env: Readonly<Record<string, string | undefined>> = process.env): WebAppConfig {
  const value = env['WEB_DIST_DIR']?.trim();
  if (!value) return { distDir: existsSync(join(DEFAULT_DIST, 'index.html')) ? DEFAULT_DIST : null };
  if (!isAbsolute(value) || !existsSync(join(value, 'index.html')))
    throw new ConfigError(
      'WEB_DIST_DIR',
      '须为含 index.html 的已构建网页目录的绝对路径 / must be the absolute path of a built web app folder holding index.html',
      maskValue(value),
    );
  return { distDir: value };
}
