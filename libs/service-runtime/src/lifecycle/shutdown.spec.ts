import type { Server } from 'node:http';
import { describe, expect, it } from '@jest/globals';
import { EVENT_STORE, type EventStore } from '@relapse-watch/event-store-core';
import { ShutdownSequence } from './shutdown.sequence';
import { bootSpecApp, gate, slowRoute } from '../testing/runtime-spec.harness';

function resetSlowRoute(): void {
  slowRoute.entered = gate();
  slowRoute.release = gate();
  slowRoute.trail = [];
}

describe('graceful shutdown (app.close)', () => {
  it('lets an in-flight request finish, using the event store, before the store closes', async () => {
    resetSlowRoute();
    const spec = await bootSpecApp();
    const shutdown = spec.app.get(ShutdownSequence);
    shutdown.register('subscribers', 'spec subscriber', () => void slowRoute.trail.push('subscribers stopped'));
    shutdown.register('stores', 'spec store', () => void slowRoute.trail.push('stores closing'));
    const inflight = fetch(`${spec.url}/test/slow`).then(async (res) => ({
      status: res.status,
      // A kept-alive connection would hold the server open until its idle timeout.
      connection: res.headers.get('connection'),
      body: await res.json(),
    }));
    await slowRoute.entered.promise;

    const closing = spec.dispose();
    const server = spec.app.getHttpServer() as Server;
    while (server.listening) await new Promise((resolve) => setImmediate(resolve));
    await expect(fetch(`${spec.url}/health/live`)).rejects.toThrow();
    slowRoute.release.open();
    const res = await inflight;
    await closing;

    // head 1: the store-format marker stamped at start is the new store's one event.
    expect(res).toEqual({ status: 200, connection: 'close', body: { finished: true, head: 1 } });
    expect(slowRoute.trail).toEqual(['slow request finished', 'subscribers stopped', 'stores closing']);
    await expect(spec.app.get<EventStore>(EVENT_STORE).headPosition()).rejects.toThrow('closed');
    const logs = spec.logs().map((l) => l['msg']);
    expect(logs).toEqual(
      expect.arrayContaining([
        expect.stringContaining('shutdown: no longer accepting requests'),
        expect.stringContaining('shutdown: HTTP server closed'),
        expect.stringContaining('shutdown: event store closed'),
      ]),
    );
  });

  it('cuts requests still running after SHUTDOWN_TIMEOUT_MS and still closes the stores', async () => {
    resetSlowRoute();
    const spec = await bootSpecApp(undefined, { SHUTDOWN_TIMEOUT_MS: '50' });
    const inflight = fetch(`${spec.url}/test/slow`).then(
      () => 'answered',
      () => 'cut',
    );
    await slowRoute.entered.promise;
    await spec.dispose();
    expect(await inflight).toBe('cut');
    expect(spec.logs().some((l) => String(l['msg']).includes('shutdown timeout') && l['interrupted'] === 1)).toBe(true);
    await expect(spec.app.get<EventStore>(EVENT_STORE).headPosition()).rejects.toThrow('closed');
    slowRoute.release.open();
  });

  it('runs a failing step, logs it, and still runs the next phases', async () => {
    const spec = await bootSpecApp();
    const ran: string[] = [];
    const shutdown = spec.app.get(ShutdownSequence);
    shutdown.register('subscribers', 'broken relay', () => {
      throw new Error('relay would not stop');
    });
    shutdown.register('bus', 'bus', () => void ran.push('bus'));
    await spec.dispose();
    expect(ran).toEqual(['bus']);
    expect(spec.logs().find((l) => l['step'] === 'broken relay')).toMatchObject({
      level: 'error',
      err: { message: 'relay would not stop' },
    });
    await expect(spec.app.get<EventStore>(EVENT_STORE).headPosition()).rejects.toThrow('closed');
  });
});
