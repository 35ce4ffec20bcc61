import { describe, expect, it } from '@jest/globals';
import { ConfigError } from './config.errors';
import { parseCorsOrigins } from './cors.config';
import { loadRuntimeConfig } from './runtime.config';

describe('CORS_ORIGINS', () => {
  it('is empty when unset: no origin allowed', () => {
    expect(parseCorsOrigins(undefined)).toEqual([]);
    expect(loadRuntimeConfig({ CORS_ORIGINS: '  ' }, '/srv').corsOrigins).toEqual([]);
  });

  it('reads comma-separated origins, trimmed, lower-cased and without repeats', () => {
    expect(
      loadRuntimeConfig(
        { CORS_ORIGINS: 'https://Dash.example.gov.cn, http://127.0.0.1:5173,https://dash.example.gov.cn' },
        '/srv',
      ).corsOrigins,
    ).toEqual(['https://dash.example.gov.cn', 'http://127.0.0.1:5173']);
  });

  it.each([
    ['*', 'a wildcard'],
    ['https://dash.example.gov.cn/', 'a path'],
    ['https://dash.example.gov.cn/app', 'a path'],
    ['dash.example.gov.cn', 'no scheme'],
    ['ftp://dash.example.gov.cn', 'another scheme'],
    ['https://dash.example.gov.cn:443', 'the default port, which browsers never send'],
  ])('refuses %s (%s) in one line naming the variable and the entry', (entry) => {
    let error: unknown;
    try {
      parseCorsOrigins(`https://ok.example.gov.cn,${entry}`);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect(message).toMatch(/^配置错误 \/ configuration error: CORS_ORIGINS .* \/ must be comma-separated origins/);
    expect(message).toContain(`(got "${entry}")`);
    expect(message).not.toContain('\n');
  });
});
