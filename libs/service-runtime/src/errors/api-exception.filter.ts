import type { IncomingMessage, ServerResponse } from 'node:http';
import { Catch, HttpException, HttpStatus, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import {
  DuplicateEventId,
  EventStoreClosed,
  IdempotencyKeyReused,
  InvalidAppend,
  WrongExpectedRevision,
} from '@relapse-watch/event-store-core';
import { ApiError, type ApiErrorBody } from './api-error';

/** Codes and bilingual messages for HTTP errors raised by Nest itself or by guards. */
const BY_STATUS: Readonly<Record<number, readonly [code: string, zh: string]>> = {
  400: ['request.invalid', '请求无效'],
  401: ['auth.unauthenticated', '未登录或登录已过期'],
  403: ['auth.forbidden', '无权执行此操作'],
  404: ['not-found', '未找到'],
  405: ['request.method-not-allowed', '不支持此请求方法'],
  409: ['conflict', '数据冲突'],
  413: ['request.too-large', '请求体过大'],
  415: ['request.unsupported-media-type', '不支持的内容类型'],
  429: ['request.too-many', '请求过于频繁'],
  503: ['service.unavailable', '服务暂不可用'],
};

/** Maps anything thrown while handling a request to its status and error body. */
export function toErrorResponse(exception: unknown): { status: number; body: ApiErrorBody } {
  if (exception instanceof ApiError) return { status: exception.status, body: exception.body };
  if (exception instanceof WrongExpectedRevision) {
    return {
      status: HttpStatus.CONFLICT,
      body: {
        code: 'concurrency.conflict',
        message: '数据已被他人修改，请刷新后重试 / the record was changed by someone else; reload and retry',
        currentRevision: exception.actualRevision,
      },
    };
  }
  if (exception instanceof IdempotencyKeyReused) {
    return {
      status: HttpStatus.UNPROCESSABLE_ENTITY,
      body: {
        code: exception.code,
        message:
          '该幂等键已用于另一条不同的命令，请为新命令使用新的键 / this Idempotency-Key was already used for a different command; send a new key with a new command',
        field: 'Idempotency-Key',
      },
    };
  }
  if (exception instanceof DuplicateEventId) {
    return { status: HttpStatus.CONFLICT, body: { code: exception.code, message: `重复提交 / ${exception.message}` } };
  }
  if (exception instanceof InvalidAppend) {
    return {
      status: HttpStatus.BAD_REQUEST,
      body: { code: exception.code, message: `事件数据无效 / ${exception.message}`, field: exception.field },
    };
  }
  if (exception instanceof EventStoreClosed) {
    return {
      status: HttpStatus.SERVICE_UNAVAILABLE,
      body: { code: 'service.unavailable', message: '服务正在停止 / the service is shutting down' },
    };
  }
  if (exception instanceof HttpException) return byStatus(exception.getStatus());
  const clientStatus = clientErrorStatusOf(exception);
  if (clientStatus !== undefined) return byStatus(clientStatus);
  return {
    status: HttpStatus.INTERNAL_SERVER_ERROR,
    body: { code: 'internal', message: '服务器内部错误 / internal server error' },
  };
}

// Nest's own messages ("Cannot GET /x") and Express's are English and may echo the path or the
// input: only the status is kept.
function byStatus(status: number): { status: number; body: ApiErrorBody } {
  const [code, zh] = BY_STATUS[status] ?? [`http.${status}`, '请求失败'];
  return {
    status,
    body: { code, message: `${zh} / ${HttpStatus[status]?.toLowerCase().replace(/_/g, ' ') ?? 'error'}` },
  };
}

/**
 * The 4xx status of an error Express or one of its parsers raised before Nest saw the request
 * (http-errors style: `status` with `expose`, e.g. a path whose percent-encoding does not decode);
 * undefined for anything else, which stays a 500.
 */
function clientErrorStatusOf(exception: unknown): number | undefined {
  if (typeof exception !== 'object' || exception === null) return undefined;
  const { status, statusCode, expose } = exception as { status?: unknown; statusCode?: unknown; expose?: unknown };
  const given = typeof status === 'number' ? status : statusCode;
  return expose === true && typeof given === 'number' && given >= 400 && given < 500 ? given : undefined;
}

/**
 * The one global exception filter: every error leaves as JSON `{ code, message, field?,
 * errors? }`. An unexpected error is attached to the response (`res.err`) so the request's
 * log line — which carries the correlation id and never the body — records it with its stack.
 */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<ServerResponse>();
    const req = host.switchToHttp().getRequest<IncomingMessage>();
    const { status, body } = toErrorResponse(exception);
    if (status >= 500 && exception instanceof Error && !(exception instanceof ApiError)) res.err = exception;
    if (res.headersSent) {
      res.destroy();
      return;
    }
    const json = JSON.stringify(body);
    res.statusCode = status;
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.setHeader('Content-Length', Buffer.byteLength(json));
    // RFC 6750 §3: a 401 names the scheme, and why a token presented was refused.
    if (status === 401)
      res.setHeader(
        'WWW-Authenticate',
        body.code === 'auth.token-missing'
          ? 'Bearer realm="relapse-watch"'
          : 'Bearer realm="relapse-watch", error="invalid_token"',
      );
    res.end(req.method === 'HEAD' ? undefined : json);
  }
}
