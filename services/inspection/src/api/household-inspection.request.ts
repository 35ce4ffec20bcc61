import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';

/**
 * The caller's bearer token, as a controller parameter: a visit's corrections go to the registry
 * with it, so the official's own rights apply there (undefined when the request carried none).
 */
export const BearerToken = createParamDecorator((_data: unknown, context: ExecutionContext): string | undefined => {
  const header = context.switchToHttp().getRequest<IncomingMessage>().headers.authorization;
  return /^Bearer (\S+)$/i.exec(header ?? '')?.[1];
});
