import type { IncomingMessage } from 'node:http';
import {
  applyDecorators,
  Inject,
  Injectable,
  mixin,
  UseInterceptors,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
  type Type,
} from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { EVENT_STORE, type EventStore } from '@relapse-watch/event-store-core';
import type { Observable } from 'rxjs';
import { ApiError } from '../errors/api-error';
import { ApiErrorResponses } from '../openapi/error-responses';

/** The request header naming the event position a read must reflect (read-your-writes). */
export const MIN_POSITION_HEADER = 'X-Min-Position';
/** A global event position: a non-negative integer of at most 15 digits (a safe integer). */
export const MIN_POSITION_PATTERN = /^[0-9]{1,15}$/;
/** How long a read waits for its read model to reach the position before answering 503. */
export const MIN_POSITION_WAIT_MS = 5_000;

/** What a read waits on: a projection runner (its checkpoint and a wait for a position). */
export interface CatchingUpReadModel {
  readonly checkpoint: number;
  waitUntilCaughtUp(position: number, options: { readonly signal?: AbortSignal }): Promise<void>;
}

/**
 * Read-your-writes: waits until the read model holds the event at the position the header names
 * (the `position` a command answered). No header: no wait. A malformed one is a 400 naming the
 * header. A position past the event store's head names no write at all: a 409
 * `min-position.ahead-of-store` at once, rather than a wait that cannot succeed. A read model
 * still behind after `timeoutMs` is a 503 `read-model.behind` with its checkpoint, so the client
 * retries rather than reading a state without its own write.
 */
export async function waitForMinPosition(
  readModel: CatchingUpReadModel,
  headPosition: () => Promise<number>,
  header: string | readonly string[] | undefined,
  timeoutMs = MIN_POSITION_WAIT_MS,
): Promise<void> {
  const value = Array.isArray(header) ? header[0] : (header as string | undefined);
  if (value === undefined) return;
  if (!MIN_POSITION_PATTERN.test(value))
    throw new ApiError(400, {
      code: 'min-position.invalid',
      field: MIN_POSITION_HEADER,
      message: `${MIN_POSITION_HEADER} 须为非负整数 / ${MIN_POSITION_HEADER} must be a non-negative integer`,
    });
  const position = Number(value);
  if (position <= readModel.checkpoint) return;
  const head = await headPosition();
  if (position > head)
    throw new ApiError(409, {
      code: 'min-position.ahead-of-store',
      field: MIN_POSITION_HEADER,
      message: '该位置尚无事件写入 / no event has been written at that position',
      headPosition: head,
    });
  try {
    await readModel.waitUntilCaughtUp(position, { signal: AbortSignal.timeout(timeoutMs) });
  } catch {
    throw new ApiError(503, {
      code: 'read-model.behind',
      message: '查询数据尚未更新到该位置，请稍后重试 / the read model has not reached that position yet; retry shortly',
      checkpoint: readModel.checkpoint,
    });
  }
}

function minPositionInterceptor(readModelToken: string | symbol): Type<NestInterceptor> {
  @Injectable()
  class MinPositionInterceptor implements NestInterceptor {
    constructor(
      @Inject(readModelToken) private readonly readModel: CatchingUpReadModel,
      @Inject(EVENT_STORE) private readonly events: EventStore,
    ) {}

    async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
      const request = context.switchToHttp().getRequest<IncomingMessage>();
      const header = request.headers[MIN_POSITION_HEADER.toLowerCase()];
      await waitForMinPosition(this.readModel, () => this.events.headPosition(), header);
      return next.handle();
    }
  }
  return mixin(MinPositionInterceptor);
}

/**
 * Marks a read route (or every route of a controller) as read-your-writes over the read model
 * the token provides: documents the optional `X-Min-Position` header with its pattern, the 409
 * and the 503, and waits as {@link waitForMinPosition} says before the handler runs.
 */
export function ReadsYourWrites(readModelToken: string | symbol): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiHeader({
      name: MIN_POSITION_HEADER,
      required: false,
      schema: { type: 'string', pattern: MIN_POSITION_PATTERN.source },
      description:
        '读己之写：命令应答中的 position，读取前等待读模型追上（最多5秒）/ read-your-writes: a command’s `position`; the read waits (up to 5 s) until the read model holds it',
    }),
    ApiErrorResponses(409, 503),
    UseInterceptors(minPositionInterceptor(readModelToken)),
  );
}
