import { applyDecorators, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import type { IncomingMessage } from 'node:http';
import { ApiError } from '../errors/api-error';
import { currentCorrelationId } from '../logging/correlation-id.context';
import { ApiErrorResponses } from '../openapi/error-responses';

/** Header that makes a command idempotent: the same key again replays the first result. */
export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';

/** What a command request carries besides its body: read from its headers, checked. */
export interface CommandRequest {
  readonly idempotencyKey?: string;
  /** From `If-Match`: the revision the client last saw; a moved-on aggregate is a 409. */
  readonly expectedRevision?: number;
  readonly correlationId: string;
  /**
   * From `X-Causation-Id`: the event of another service this command follows from (the
   * inspection's contact that found a registry correction), for the events' metadata.
   */
  readonly causationId?: string;
}

/** Header naming the event (of another service) a command follows from. */
export const CAUSATION_ID_HEADER = 'X-Causation-Id';

const KEY = /^[!-~]{1,200}$/;
const REVISION = /^(?:W\/)?"?(\d{1,15})"?$/;

/** Reads and checks the command headers; a bad one is a 400 naming the header. */
export function commandRequestFrom(headers: IncomingMessage['headers']): CommandRequest {
  const key = single(headers['idempotency-key']);
  if (key !== undefined && !KEY.test(key)) {
    throw new ApiError(400, {
      code: 'idempotency-key.invalid',
      field: IDEMPOTENCY_KEY_HEADER,
      message: 'Idempotency-Key 须为1–200个可见ASCII字符 / Idempotency-Key must be 1–200 visible ASCII characters',
    });
  }
  const ifMatch = single(headers['if-match']);
  const revision = ifMatch === undefined ? undefined : REVISION.exec(ifMatch.trim())?.[1];
  if (ifMatch !== undefined && revision === undefined) {
    throw new ApiError(400, {
      code: 'if-match.invalid',
      field: 'If-Match',
      message: 'If-Match 须为版本号，如 "3" / If-Match must be the revision, e.g. "3"',
    });
  }
  const causationId = single(headers['x-causation-id']);
  if (causationId !== undefined && !KEY.test(causationId)) {
    throw new ApiError(400, {
      code: 'causation-id.invalid',
      field: CAUSATION_ID_HEADER,
      message: 'X-Causation-Id 须为1–200个可见ASCII字符 / X-Causation-Id must be 1–200 visible ASCII characters',
    });
  }
  return {
    ...(key === undefined ? {} : { idempotencyKey: key }),
    ...(revision === undefined ? {} : { expectedRevision: Number(revision) }),
    ...(causationId === undefined ? {} : { causationId }),
    correlationId: currentCorrelationId() ?? 'none',
  };
}

/**
 * Documents a command route: its optional `Idempotency-Key` and `If-Match` headers with the
 * patterns {@link commandRequestFrom} enforces, and the error statuses it can answer besides the
 * runtime's 400 (always 409: a moved-on revision or a clash of unique keys; 422: a domain rule).
 */
export function CommandEndpoint(...statuses: readonly number[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiHeader({
      name: IDEMPOTENCY_KEY_HEADER,
      required: false,
      schema: { type: 'string', pattern: KEY.source },
      description: '幂等键：重复提交不重复写入 / idempotency key: a re-sent command writes nothing twice',
    }),
    ApiHeader({
      name: 'If-Match',
      required: false,
      schema: { type: 'string', pattern: '^(?:W/)?"?[0-9]{1,15}"?$' },
      description: '上次看到的版本号；已变则 409 / the revision last seen; 409 when it has moved on',
    }),
    ApiHeader({
      name: CAUSATION_ID_HEADER,
      required: false,
      schema: { type: 'string', pattern: KEY.source },
      description:
        '引起本命令的其他服务事件ID（如排查发现的户籍更正），记入事件元数据 / id of another service’s event this command follows from (e.g. an inspection’s correction), kept in the events’ metadata',
    }),
    ApiErrorResponses(409, 422, ...statuses),
  );
}

/** The command headers of the current request, as a controller parameter. */
export const CommandHeaders = createParamDecorator((_data: unknown, context: ExecutionContext): CommandRequest =>
  commandRequestFrom(context.switchToHttp().getRequest<IncomingMessage>().headers),
);

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
