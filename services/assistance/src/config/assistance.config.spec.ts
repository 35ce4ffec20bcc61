import { ConfigError } from '@relapse-watch/service-runtime/config';
import { EMBEDDED_RESIDENT_ID_SALT, loadAssistanceConfig } from './assistance.config';

describe('the assistance service’s configuration', () => {
  it('defaults to the group `assistance` and an hourly deadline watch', () => {
    expect(loadAssistanceConfig({})).toEqual({
      consumerGroup: 'assistance',
      deadlineWatchIntervalMs: 3_600_000,
      residentIdSalt: 'relapse-watch-embedded-development-salt',
    });
  });

  it('takes a group and an interval, 0 turning the watch off', () => {
    expect(
      loadAssistanceConfig({ ASSISTANCE_CONSUMER_GROUP: 'assistance.b', DEADLINE_WATCH_INTERVAL_MS: '0' }),
    ).toEqual({
      consumerGroup: 'assistance.b',
      deadlineWatchIntervalMs: 0,
      residentIdSalt: EMBEDDED_RESIDENT_ID_SALT,
    });
  });

  it('takes RESIDENT_ID_SALT; requires it in distributed mode, as the registry does', () => {
    const salt = 'a-deployment-secret-of-2026';
    expect(loadAssistanceConfig({ RESIDENT_ID_SALT: salt }, 'distributed').residentIdSalt).toBe(salt);
    expect(() => loadAssistanceConfig({}, 'distributed')).toThrow('RESIDENT_ID_SALT');
    expect(() => loadAssistanceConfig({ RESIDENT_ID_SALT: 'short' })).toThrow('RESIDENT_ID_SALT');
  });

  it.each([
    [{ ASSISTANCE_CONSUMER_GROUP: 'Assistance' }, 'ASSISTANCE_CONSUMER_GROUP'],
    [{ DEADLINE_WATCH_INTERVAL_MS: '-1' }, 'DEADLINE_WATCH_INTERVAL_MS'],
    [{ DEADLINE_WATCH_INTERVAL_MS: '1.5' }, 'DEADLINE_WATCH_INTERVAL_MS'],
    [{ DEADLINE_WATCH_INTERVAL_MS: 'hourly' }, 'DEADLINE_WATCH_INTERVAL_MS'],
  ])('refuses %j, naming %s', (env, variable) => {
    expect(() => loadAssistanceConfig(env)).toThrow(ConfigError);
    expect(() => loadAssistanceConfig(env)).toThrow(variable);
  });
});
