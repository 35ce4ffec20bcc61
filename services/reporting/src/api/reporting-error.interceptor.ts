import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { DomainError } from '@relapse-watch/domain-kernel';
import { ApiError } from '@relapse-watch/service-runtime';
import { catchError, type Observable } from 'rxjs';

/**
 * The HTTP face of a refused report request: the caller's role or area a 403 (`access.*`), a
 * malformed unit code a 400 naming the field, every other rule (an instant that is no date, a
 * year out of range, an instant in the future) a 422.
 */
export function reportingApiError(error: DomainError): ApiError {
  const status = error.code.startsWith('access.') ? 403 : error.code === 'report.unit-code-invalid' ? 400 : 422;
  return new ApiError(status, {
    code: error.code,
    message: error.message,
    ...(error.field === undefined ? {} : { field: error.field }),
  });
}

/** Applies {@link reportingApiError} to whatever a reporting route throws. */
@Injectable()
export class ReportingErrorInterceptor implements NestInterceptor {
  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((error: unknown) => {
        if (error instanceof DomainError) throw reportingApiError(error);
        throw error;
      }),
    );
  }
}
