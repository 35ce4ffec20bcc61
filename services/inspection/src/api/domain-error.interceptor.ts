import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { DomainError } from '@relapse-watch/domain-kernel';
import { ApiError } from '@relapse-watch/service-runtime';
import { catchError, type Observable } from 'rxjs';
import { VillageHeldByAnotherTeam } from '../domain/village-reservation/village-reservation';

/** Rules that mean "the thing addressed does not exist" rather than "the change breaks a rule". */
const NOT_FOUND_CODES: ReadonlySet<string> = new Set([
  'campaign.not-launched',
  'working-group.not-formed',
  'team.not-formed',
]);

// Refusals of the division check (`access.outside-area`…): the caller may not, whatever the data.
const ACCESS_RULE_PREFIX = 'access.';

/**
 * The HTTP face of a refused command, as the registry's: a {@link DomainError} becomes a 422 with
 * the rule's code and field (404 when what is addressed does not exist, 403 when the caller's
 * area or role does not reach it), with every problem found; a village another team covers also
 * names that team (`heldBy.teamId`), an internal id the official needs to resolve the clash.
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
    ...(error instanceof VillageHeldByAnotherTeam ? { heldBy: { teamId: error.holderTeamId } } : {}),
  });
}

/** Applies {@link domainErrorToApiError} to whatever an inspection route throws. */
@Injectable()
export class DomainErrorInterceptor implements NestInterceptor {
  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((error: unknown) => {
        if (error instanceof DomainError) throw domainErrorToApiError(error);
        throw error;
      }),
    );
  }
}
