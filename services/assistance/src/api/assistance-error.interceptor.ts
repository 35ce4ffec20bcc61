import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { DomainError } from '@relapse-watch/domain-kernel';
import { ApiError } from '@relapse-watch/service-runtime';
import { catchError, type Observable } from 'rxjs';

/** Rules that mean "what the path or body names is not known here" rather than "the request breaks a rule". */
const NOT_FOUND_CODES: ReadonlySet<string> = new Set([
  'case.not-found',
  'household.unknown',
  'measure.not-found',
  'case.objection-not-found',
]);

/**
 * The HTTP face of a refused assistance request: the caller's role or area a 403
 * (`access.*`), what does not exist a 404, every other rule a 422 with its code, field and
 * every problem. A case's rules never answer 400: the request was well formed.
 */
export function assistanceApiError(error: DomainError): ApiError {
  const status = error.code.startsWith('access.') ? 403 : NOT_FOUND_CODES.has(error.code) ? 404 : 422;
  return new ApiError(status, {
    code: error.code,
    message: error.message,
    ...(error.field === undefined ? {} : { field: error.field }),
    ...(error.problems.length > 1
      ? { errors: error.problems.map((p) => ({ field: p.field ?? '', code: p.code, message: p.message })) }
      : {}),
  });
}

/** Applies {@link assistanceApiError} to whatever an assistance route throws. */
@Injectable()
export class AssistanceErrorInterceptor implements NestInterceptor {
  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((error: unknown) => {
        if (error instanceof DomainError) throw assistanceApiError(error);
        throw error;
      }),
    );
  }
}
