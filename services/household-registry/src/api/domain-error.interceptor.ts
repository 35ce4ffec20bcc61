import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { DomainError } from '@relapse-watch/domain-kernel';
import { ApiError } from '@relapse-watch/service-runtime';
import { catchError, type Observable } from 'rxjs';
import { householdError } from '../domain/household/household.errors';
import { ReservationConflict } from '../domain/reservation/reservation-conflict.error';

/** Rules that mean "the thing addressed does not exist" rather than "the change breaks a rule". */
const NOT_FOUND_CODES: ReadonlySet<string> = new Set([
  'household.not-registered',
  'member.not-found',
  'division.unknown-path',
]);

// Refusals of the division check (`access.outside-area`…): the caller may not, whatever the data.
const ACCESS_RULE_PREFIX = 'access.';

/**
 * The HTTP face of a refused command: a {@link DomainError} becomes a 422 carrying the rule's
 * code and field (404 when the household or member addressed does not exist, 403 when the
 * caller's area or role does not reach it), with every problem
 * found; a reservation conflict also names the household holding the person or number, an
 * internal id the official needs to resolve the clash.
 */
export function domainErrorToApiError(error: DomainError): ApiError {
  const status = error.code.startsWith(ACCESS_RULE_PREFIX) ? 403 : NOT_FOUND_CODES.has(error.code) ? 404 : 422;
  return new ApiError(status, {
    code: error.code,
    message: error.message,
    ...(error.field === undefined ? {} : { field: error.field }),
    ...(error.problems.length > 1
      ? { errors: error.problems.map((p) => ({ field: p.field ?? '', code: p.code, message: p.message })) }
      : {}),
    ...(error instanceof ReservationConflict ? { heldBy: { householdId: error.holder.householdId } } : {}),
  });
}

/** Applies {@link domainErrorToApiError} to whatever a registry route throws. */
@Injectable()
export class DomainErrorInterceptor implements NestInterceptor {
  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((error: unknown) => {
        if (error instanceof DomainError) throw domainErrorToApiError(error);
        // A change that raced an erasure: the decider saw the household before it, the key store after.
        if ((error as { code?: unknown } | null)?.code === 'personal-data.erased')
          throw domainErrorToApiError(householdError('household.personal-data-erased'));
        throw error;
      }),
    );
  }
}
