import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError, BodyTooLarge, MalformedJsonBody } from './api-error';

/** Largest JSON body accepted; field forms and imports in batches stay far below it. */
export const JSON_BODY_LIMIT = '1mb';

interface BodyParserError {
  readonly type?: string;
  readonly status?: number;
}

/**
 * Express error middleware placed right after the JSON body parser: turns its errors into
 * {@link ApiError}s, so the global filter answers them like any other error (Nest would turn a
 * malformed body into an anonymous 400 and a too-large one into a 500).
 */
export function bodyParserErrorMiddleware(
  error: unknown,
  _req: IncomingMessage,
  _res: ServerResponse,
  next: (error?: unknown) => void,
): void {
  const { type, status } = (error ?? {}) as BodyParserError;
  if (type === 'entity.parse.failed') return next(new MalformedJsonBody());
  if (type === 'entity.too.large') return next(new BodyTooLarge(JSON_BODY_LIMIT));
  if (typeof type === 'string' && typeof status === 'number' && status >= 400 && status < 500) {
    return next(
      new ApiError(status, {
        code: `request.${type.replace(/\./g, '-')}`,
        message: `请求体无法读取 / request body could not be read (${type})`,
      }),
    );
  }
  next(error);
}
