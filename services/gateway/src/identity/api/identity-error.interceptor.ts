import type { ServerResponse } from 'node:http';
import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { DomainError } from '@relapse-watch/domain-kernel';
import { ApiError } from '@relapse-watch/service-runtime';
import { catchError, type Observable } from 'rxjs';
import { TooManySignInAttempts } from '../application/sign-in-attempts';

const NOT_FOUND_CODES: ReadonlySet<string> = new Set(['user.not-found', 'client.not-found']);
const CONFLICT_CODES: ReadonlySet<string> = new Set([
  'user.sign-in-name-taken',
  'user.already-exists',
  'client.already-exists',
]);

/**
 * The HTTP face of a refused identity command: 404 for a user or client that does not exist,
 * 409 for a name or id already taken, 422 for any other rule, each with its code and field; a
 * rate-limited sign-in also gets `Retry-After` (RFC 9110 §10.2.3).
 */
@Injectable()
export class IdentityErrorInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((error: unknown) => {
        if (error instanceof TooManySignInAttempts) {
          context
            .switchToHttp()
            .getResponse<ServerResponse>()
            .setHeader('Retry-After', String(error.retryAfterSeconds));
        }
        if (!(error instanceof DomainError)) throw error;
        const status = NOT_FOUND_CODES.has(error.code) ? 404 : CONFLICT_CODES.has(error.code) ? 409 : 422;
        throw new ApiError(status, {
          code: error.code,
          message: error.message,
          ...(error.field === undefined ? {} : { field: error.field }),
          ...(error.problems.length > 1
            ? { errors: error.problems.map((p) => ({ field: p.field ?? '', code: p.code, message: p.message })) }
            : {}),
        });
      }),
    );
  }
}
