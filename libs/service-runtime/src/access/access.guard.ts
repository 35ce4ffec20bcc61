import type { CanActivate, ExecutionContext } from '@nestjs/common';
import type { Reflector } from '@nestjs/core';
import { authorize } from '@relapse-watch/access';
import type { IncomingMessage } from 'node:http';
import { ApiError } from '../errors/api-error';
import type { AccessTokenVerifier } from './access-token.codec';
import { Unauthenticated } from './access-token.codec';
import type { AccessTokenRevocations } from './access-token.revocations';
import { ACCESS_RULE, type AuthenticatedRequest, type RouteAccess } from './access.decorators';

/** 403 with the rule that refused. */
export class AccessDenied extends ApiError {
  constructor(rule: string, message: string) {
    super(403, { code: rule, message });
    this.name = 'AccessDenied';
  }
}

const BEARER = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/;

/**
 * Every route of every service passes here (installed globally by `createServiceApp`): a public
 * route answers anyone; a route that {@link Requires} a permission needs a verified access token
 * (401 otherwise) whose principal holds the permission (403 `access.permission-denied`); a route
 * that says neither is refused with 403 `access.route-undeclared` — deny by default. Which
 * division the caller may touch is checked where the command or query is handled.
 */
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: AccessTokenVerifier,
    private readonly revocations: AccessTokenRevocations,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<RouteAccess | undefined>(ACCESS_RULE, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (rule?.kind === 'public') return true;
    if (context.getType() !== 'http') return true; // bus handlers (@EventPattern) are not requests
    if (rule === undefined) {
      throw new AccessDenied(
        'access.route-undeclared',
        '该接口未声明访问规则，拒绝访问 / this route declares no access rule and is refused',
      );
    }
    const request = context.switchToHttp().getRequest<IncomingMessage & AuthenticatedRequest>();
    const header = request.headers.authorization;
    if (header === undefined) throw new Unauthenticated('auth.token-missing');
    const token = BEARER.exec(header.trim())?.[1];
    if (token === undefined) throw new Unauthenticated('auth.token-invalid');
    const verified = await this.verifier.verify(token);
    if (this.revocations.isRevoked(verified.jti)) throw new Unauthenticated('auth.token-revoked');
    const decision = authorize(verified.principal, rule.permission);
    if (!decision.allowed) throw new AccessDenied(decision.rule, decision.message);
    request.principal = verified.principal;
    request.accessTokenId = verified.jti;
    return true;
  }
}
