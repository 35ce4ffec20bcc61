import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { DomainError } from '@relapse-watch/domain-kernel';
import { ApiError } from '@relapse-watch/service-runtime';
import { catchError, type Observable } from 'rxjs';
import { VillageHeldByAnotherTeam } from '../domain/village-reservation/village-reservation';

// Refusals of the division check (`access.outside-area`…): the caller may not, whatever the data.
const ACCESS_RULE_PREFIX = 'access.';
/** Rules that mean "the thing addressed is not known here" rather than "the request breaks a rule". */
const NOT_FOUND_SUFFIXES = ['.not-known', '.not-found'];
/** The same for campaigns, working groups and teams, whose rules say what was never launched or formed. */
const NOT_FOUND_CODES: ReadonlySet<string> = new Set([
  'campaign.not-launched',
  'working-group.not-formed',
  'team.not-formed',
]);

/**
 * The HTTP face of a refusal: a {@link DomainError} becomes a 422 with the rule's code and field,
 * 403 for the access rules, 404 for a rule saying the thing addressed is not known; a village
 * another team covers also names that team (`heldBy.teamId`), an internal id the official needs
 * to resolve the clash.
 */
export function inspectionApiError(error: DomainError): ApiError {
  const notFound = NOT_FOUND_CODES.has(error.code) || NOT_FOUND_SUFFIXES.some((suffix) => error.code.endsWith(suffix));
  const status = error.code.startsWith(ACCESS_RULE_PREFIX) ? 403 : notFound ? 404 : 422;
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
