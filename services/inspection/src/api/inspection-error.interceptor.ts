import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { DomainError } from '@relapse-watch/domain-kernel';
import { ApiError } from '@relapse-watch/service-runtime';
import { catchError, type Observable } from 'rxjs';

// Refusals of the division check (`access.outside-area`…): the caller may not, whatever the data.
const ACCESS_RULE_PREFIX = 'access.';
/** Rules that mean "the thing addressed is not known here" rather than "the request breaks a rule". */
const NOT_FOUND_SUFFIXES = ['.not-known', '.not-found'];

/**
 * The HTTP face of a refusal: a {@link DomainError} becomes a 422 with the rule's code and field,
 * 403 for the access rules, 404 for a rule saying the thing addressed is not known.
 */
export function inspectionApiError(error: DomainError): ApiError {
  const notFound = NOT_FOUND_SUFFIXES.some((suffix) => error.code.endsWith(suffix));
  const status = error.code.startsWith(ACCESS_RULE_PREFIX) ? 403 : notFound ? 404 : 422;
  return new ApiError(status, {
    code: error.code,
    message: error.message,
    ...(error.field === undefined ? {} : { field: error.field }),
    ...(error.problems.length > 1
      ? { errors: error.problems.map((p) => ({ field: p.field ?? '', code: p.code, message: p.message })) }
      : {}),
  });
}

/** Applies {@link inspectionApiError} to whatever an inspection route throws. */
@Injectable()
export class InspectionErrorInterceptor implements NestInterceptor {
  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((error: unknown) => {
        if (error instanceof DomainError) throw inspectionApiError(error);
        throw error;
      }),
    );
  }
}
