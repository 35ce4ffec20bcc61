import { ConfigError, maskValue } from './config.errors';

/**
 * Reads `CORS_ORIGINS`: the web origins (`https://host[:port]`, comma-separated) whose pages may
 * call the API from a browser. Unset means none: no CORS headers at all, so only pages served
 * by the API's own origin (the gateway's web app) can read its answers. A wildcard is refused —
 * the API carries personal data of residents, so every origin allowed is named.
 *
 * @throws {@link ConfigError} naming the first entry that is not a bare origin.
 */
export function parseCorsOrigins(value: string | undefined): readonly string[] {
  if (value === undefined) return [];
  const origins = value
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  for (const entry of origins) {
    if (!isBareOrigin(entry)) {
      throw new ConfigError(
        'CORS_ORIGINS',
        '须为逗号分隔的来源，如 https://dashboard.example.gov.cn（协议、主机、可选端口，不含路径，不可用 *） / ' +
          'must be comma-separated origins such as https://dashboard.example.gov.cn (scheme, host, optional port; no path, no *)',
        maskValue(entry),
      );
    }
  }
  return [...new Set(origins.map((entry) => entry.toLowerCase()))];
}

// What a browser sends in `Origin`: scheme, host and a non-default port, nothing else.
function isBareOrigin(entry: string): boolean {
  let url: URL;
  try {
    url = new URL(entry);
  } catch {
    return false;
  }
  return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === entry.toLowerCase();
}
