import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUIDv7 } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';

/** Request and response header carrying the correlation id (DESIGN.md: event metadata `correlationId`). */
export const CORRELATION_ID_HEADER = 'X-Correlation-Id';

// Only a UUID is taken from a caller: it is echoed in a header, written to every log line and
// stored in events, so anything free-form would be a log- and header-injection channel.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const storage = new AsyncLocalStorage<string>();

/**
 * The correlation id for a request: the caller's `X-Correlation-Id` when it is a UUID
 * (lower-cased), otherwise a new UUIDv7.
 */
export function correlationIdFrom(header: string | readonly string[] | undefined): string {
  const given = Array.isArray(header) ? header[0] : header;
  return typeof given === 'string' && UUID.test(given.trim()) ? given.trim().toLowerCase() : randomUUIDv7();
}

/**
 * The correlation id of the request (or message) being handled, from anywhere in its async
 * call tree; undefined outside one. Command handlers put it into event metadata.
 */
export function currentCorrelationId(): string | undefined {
  return storage.getStore();
}

/**
 * Runs `work` with `correlationId` as the current one — what a bus consumer or subscriber does
 * for each message, so the commands it issues carry the original request's id.
 */
export function runWithCorrelationId<T>(correlationId: string, work: () => T): T {
  return storage.run(correlationId, work);
}

/**
 * Express-level middleware, installed first: decides the request's correlation id, echoes it
 * in the response header, hands it to pino-http as `req.id` and runs the rest of the request
 * inside it.
 */
export function correlationIdMiddleware(req: IncomingMessage, res: ServerResponse, next: () => void): void {
  const correlationId = correlationIdFrom(req.headers[CORRELATION_ID_HEADER.toLowerCase()]);
  req.id = correlationId;
  res.setHeader(CORRELATION_ID_HEADER, correlationId);
  storage.run(correlationId, next);
}

/** Controller parameter decorator: the correlation id of the current request. */
export const CorrelationId = createParamDecorator((_data: unknown, context: ExecutionContext): string => {
  const req = context.switchToHttp().getRequest<IncomingMessage>();
  return String(req.id);
});
