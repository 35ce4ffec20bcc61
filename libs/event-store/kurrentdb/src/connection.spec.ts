import { describe, expect, it } from '@jest/globals';
import { KurrentDBClient } from '@kurrent/kurrentdb-client';
import { createKurrentDbClient, redactConnectionString } from './connection';
import { InvalidKurrentDbConfig } from './errors';

describe('createKurrentDbClient', () => {
  it.each([undefined, '', '   ', 42])('refuses %p as a connection string', (value) => {
    expect(() => createKurrentDbClient(value)).toThrow(InvalidKurrentDbConfig);
  });

  it('refuses an unknown scheme without echoing the password', () => {
    let error: InvalidKurrentDbConfig | undefined;
    try {
      createKurrentDbClient('postgres://admin:s3cret@localhost:5432/db');
    } catch (e) {
      error = e as InvalidKurrentDbConfig;
    }
    expect(error).toBeInstanceOf(InvalidKurrentDbConfig);
    expect(error?.code).toBe('event-store.kurrentdb.invalid-config');
    expect(error?.message).not.toContain('s3cret');
  });

  it("turns the client's parse error into InvalidKurrentDbConfig", () => {
    expect(() => createKurrentDbClient('kurrentdb://localhost:2113?tls=maybe')).toThrow(InvalidKurrentDbConfig);
  });

  it('builds a client for a valid string without connecting', async () => {
    // Port 1 has no server: a client that connected eagerly would fail here, not build.
    const client = createKurrentDbClient('kurrentdb://127.0.0.1:1?tls=false');
    expect(client).toBeInstanceOf(KurrentDBClient);
    await expect(client.dispose()).resolves.toBeUndefined();
  });
});

describe('redactConnectionString', () => {
  it('hides the password and leaves the rest', () => {
    expect(redactConnectionString('kurrentdb://admin:changeit@db:2113?tls=true')).toBe(
      'kurrentdb://admin:***@db:2113?tls=true',
    );
    expect(redactConnectionString('kurrentdb://db:2113')).toBe('kurrentdb://db:2113');
  });
});
