import { applyDecorators, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import type { Principal } from '@relapse-watch/access';
import { ApiError, ApiErrorResponses, currentCorrelationId } from '@relapse-watch/service-runtime';
import type { IncomingMessage } from 'node:http';
import type { InspectionRequestContext } from '../application/household-inspection.placement';
import { callerOf } from '../application/inspection-caller';

// The registry's command headers (services/household-registry/src/api/command-request.ts), for
// the inspection: the same rules, so a client sends both services the same headers.

/** What a command request carries besides its body: read from its headers, checked. */
export interface CommandRequest {
  readonly idempotencyKey?: string;
  /** From `If-Match`: the revision the client last saw; a moved-on inspection is a 409. */
  readonly expectedRevision?: number;
  readonly correlationId: string;
  /** The caller's bearer token, for the corrections the inspection sends the registry on their behalf. */
  readonly bearerToken?: string;
}

const KEY = /^[!-~]{1,200}$/;
const REVISION = /^(?:W\/)?"?(\d{1,15})"?$/;

/** Reads and checks the command headers; a bad one is a 400 naming the header. */
export function commandRequestFrom(headers: IncomingMessage['headers']): CommandRequest {
  const key = single(headers['idempotency-key']);
  if (key !== undefined && !KEY.test(key))
    throw new ApiError(400, {
      code: 'idempotency-key.invalid',
      field: 'Idempotency-Key',
      message: 'Idempotency-Key 须为1–200个可见ASCII字符 / Idempotency-Key must be 1–200 visible ASCII characters',
    });
  const ifMatch = single(headers['if-match']);
  const revision = ifMatch === undefined ? undefined : REVISION.exec(ifMatch.trim())?.[1];
  if (ifMatch !== undefined && revision === undefined)
    throw new ApiError(400, {
      code: 'if-match.invalid',
      field: 'If-Match',
      message: 'If-Match 须为排查记录的版本号，如 "3" / If-Match must be the inspection’s revision, e.g. "3"',
    });
  const bearer = /^Bearer (\S+)$/i.exec(single(headers.authorization) ?? '')?.[1];
  return {
    ...(key === undefined ? {} : { idempotencyKey: key }),
    ...(revision === undefined ? {} : { expectedRevision: Number(revision) }),
    ...(bearer === undefined ? {} : { bearerToken: bearer }),
    correlationId: currentCorrelationId() ?? 'none',
  };
}

/** Documents a command route's `Idempotency-Key` and `If-Match` headers and its error statuses (409, 422, more). */
export function CommandEndpoint(...statuses: readonly number[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiHeader({
      name: 'Idempotency-Key',
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
    ApiErrorResponses(409, 422, ...statuses),
  );
}

/** The command headers of the current request, as a controller parameter. */
export const CommandHeaders = createParamDecorator((_data: unknown, context: ExecutionContext): CommandRequest =>
  commandRequestFrom(context.switchToHttp().getRequest<IncomingMessage>().headers),
);

/** The use cases' context of a request: its headers, and the verified principal it runs for. */
export function inspectionContextFor(request: CommandRequest, principal: Principal): InspectionRequestContext {
  return {
    caller: callerOf(principal),
    correlationId: request.correlationId,
    ...(request.idempotencyKey === undefined ? {} : { idempotencyKey: request.idempotencyKey }),
    ...(request.expectedRevision === undefined ? {} : { expectedRevision: request.expectedRevision }),
  };
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
