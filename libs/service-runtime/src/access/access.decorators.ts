import {
  applyDecorators,
  createParamDecorator,
  ForbiddenException,
  SetMetadata,
  type ExecutionContext,
} from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';
import type { Permission, Principal } from '@relapse-watch/access';
import { ApiErrorResponses } from '../openapi/error-responses';

/** Metadata key of a route's access rule. */
export const ACCESS_RULE = 'relapse-watch:access-rule';

/** What a route asks of its caller: nothing (public), or a signed-in principal with a permission. */
export type RouteAccess =
  { readonly kind: 'public' } | { readonly kind: 'permission'; readonly permission: Permission };

/** Name of the bearer security scheme in the OpenAPI document. */
export const BEARER_SCHEME = 'bearer';

/**
 * The route needs a signed-in caller whose role (or client scope) carries `permission`; the
 * division check follows where the command or query is handled. Documents the bearer scheme
 * and the 401 and 403 answers. A route with neither this nor {@link PublicRoute} is refused
 * (deny by default).
 */
export function Requires(permission: Permission): MethodDecorator & ClassDecorator {
  return applyDecorators(
    SetMetadata(ACCESS_RULE, { kind: 'permission', permission } satisfies RouteAccess),
    ApiBearerAuth(BEARER_SCHEME),
    ApiErrorResponses(401, 403),
  );
}

/** The route answers without sign-in (health, metrics, sign-in itself). */
export function PublicRoute(): MethodDecorator & ClassDecorator {
  return SetMetadata(ACCESS_RULE, { kind: 'public' } satisfies RouteAccess);
}

/** The request object as the access guard leaves it. */
export interface AuthenticatedRequest {
  principal?: Principal;
  accessTokenId?: string;
}

/** The verified caller of a {@link Requires} route, as a controller parameter. */
export const CurrentPrincipal = createParamDecorator((_data: unknown, context: ExecutionContext): Principal => {
  const principal = context.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  // Only reachable from a route without @Requires: a programming error, refused rather than served anonymously.
  if (principal === undefined) throw new ForbiddenException('route has no access rule');
  return principal;
});
