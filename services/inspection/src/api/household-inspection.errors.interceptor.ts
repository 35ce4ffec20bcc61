import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { DomainError } from '@relapse-watch/domain-kernel';
import { ApiError, RequestValidationFailed } from '@relapse-watch/service-runtime';
import { catchError, type Observable } from 'rxjs';
import { FindingsInvalid } from '../application/inspection-application.errors';

/** Rules that mean "the thing addressed does not exist" rather than "the change breaks a rule". */
const NOT_FOUND_CODES: ReadonlySet<string> = new Set([
  'campaign.not-found',
  'household.not-known',
  'inspection.not-started',
  'suggestion.not-found',
  'data-quality-issue.not-found',
  'rectification-item.not-found',
]);

/**
 * The HTTP face of a refused inspection command: findings that do not fit the checklist are a
 * 400 with every field (like the request's own validation), the caller's area or role a 403,
 * what does not exist a 404, every other rule a 422 with its code, field and every problem.
 */
export function inspectionErrorToApiError(error: DomainError): ApiError {
  if (error instanceof FindingsInvalid)
    return new RequestValidationFailed(
      error.problems.map((p) => ({ field: p.field ?? 'findings', code: p.code, message: p.message })),
    );
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

/** Applies {@link inspectionErrorToApiError} to whatever a household inspection route throws. */
@Injectable()
export class HouseholdInspectionErrorInterceptor implements NestInterceptor {
  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((error: unknown) => {
        if (error instanceof DomainError) throw inspectionErrorToApiError(error);
        throw error;
      }),
    );
  }
}
