import type { IncomingMessage, Server, ServerResponse } from 'node:http';

/**
 * Lets in-flight HTTP requests finish when the service stops, within a bound. `server.close()`
 * alone stops accepting connections but then waits for every kept-alive connection to time
 * out; here each in-flight response closes its connection when done, and after the timeout
 * the remaining connections are cut.
 */
export class HttpDrain {
  private readonly inflight = new Set<ServerResponse>();
  private server?: Server;
  private cutTimer?: NodeJS.Timeout;

  /** Express-level middleware tracking the responses in flight. */
  readonly middleware = (_req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    this.inflight.add(res);
    res.once('close', () => this.inflight.delete(res));
    if (this.server) this.endConnectionAfter(res);
    next();
  };

  /** Requests still being handled. */
  get inflightCount(): number {
    return this.inflight.size;
  }

  /**
   * Starts draining: idle connections close now, busy ones after their response, and after
   * `timeoutMs` whatever is left is cut (`onCut` is told how many requests that interrupts).
   * The caller then closes the server, which resolves once the last connection is gone.
   */
  start(server: Server, timeoutMs: number, onCut: (interrupted: number) => void): void {
    if (this.server) return;
    this.server = server;
    for (const res of this.inflight) this.endConnectionAfter(res);
    server.closeIdleConnections();
    this.cutTimer = setTimeout(() => {
      if (this.inflight.size > 0) onCut(this.inflight.size);
      server.closeAllConnections();
    }, timeoutMs);
    this.cutTimer.unref();
  }

  /** Ends the drain once the server is closed. */
  stop(): void {
    clearTimeout(this.cutTimer);
  }

  private endConnectionAfter(res: ServerResponse): void {
    if (!res.headersSent) res.shouldKeepAlive = false;
    const server = this.server;
    // The connection turns idle only after 'finish' has run; close it on the next turn.
    res.once('finish', () => setImmediate(() => server?.closeIdleConnections()));
  }
}
