import type { ServerResponse } from 'node:http';
import { Controller, Inject, Post, Req, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiResponse,
  ApiSecurity,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { PublicRoute } from '@relapse-watch/service-runtime';
import { OAuthRefused, type ClientCredentialsService } from '../application/client-credentials.service';
import { TooManySignInAttempts } from '../application/sign-in-attempts';
import { ClientTokenDto, OAuthErrorDto } from './auth.dto';
import { CLIENT_CREDENTIALS } from './identity.tokens';
import { requestFacts, type HttpRequest } from './request-facts';

// A token request is a few short fields; anything longer is not one.
const FORM_LIMIT_BYTES = 4096;

async function readForm(req: HttpRequest): Promise<URLSearchParams> {
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded')
    throw new OAuthRefused(
      'invalid_request',
      '请求须为 application/x-www-form-urlencoded / the request must be application/x-www-form-urlencoded',
    );
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > FORM_LIMIT_BYTES)
      throw new OAuthRefused('invalid_request', '请求体过大 / the request body is too large');
    chunks.push(chunk);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

/** The client id and secret of HTTP Basic (RFC 6749 §2.3.1: each form-urlencoded before base64). */
function basicCredentials(req: HttpRequest): { clientId: string; clientSecret: string } {
  const match = /^Basic ([A-Za-z0-9+/=]+)$/.exec(req.headers.authorization?.trim() ?? '');
  const decoded = match === null ? '' : Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0)
    throw new OAuthRefused(
      'invalid_client',
      '须以 HTTP Basic 提供客户端ID和密钥 / client id and secret are required by HTTP Basic',
    );
  try {
    const decode = (text: string) => decodeURIComponent(text.replace(/\+/g, ' '));
    return { clientId: decode(decoded.slice(0, colon)), clientSecret: decode(decoded.slice(colon + 1)) };
  } catch {
    throw new OAuthRefused('invalid_client', '客户端凭据编码无效 / the client credentials are not encoded correctly');
  }
}

/** The OAuth 2.0 token endpoint for other government systems: client credentials only. */
@ApiTags('auth 登录')
@Controller('api/auth')
export class OAuthTokenController {
  constructor(@Inject(CLIENT_CREDENTIALS) private readonly clients: ClientCredentialsService) {}

  @Post('token')
  @PublicRoute()
  @ApiOperation({
    summary: '外部系统获取访问令牌（OAuth 2.0 客户端凭据）/ client credentials token (OAuth 2.0, RFC 6749 §4.4)',
    description:
      '客户端ID与密钥以 HTTP Basic 提供；grant_type=client_credentials，可选 scope。 / Client id and secret by HTTP Basic; grant_type=client_credentials, optional scope.',
  })
  @ApiSecurity('basic')
  @ApiConsumes('application/x-www-form-urlencoded')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['grant_type'],
      properties: { grant_type: { type: 'string', enum: ['client_credentials'] }, scope: { type: 'string' } },
    },
  })
  @ApiOkResponse({ type: ClientTokenDto })
  @ApiBadRequestResponse({ type: OAuthErrorDto })
  @ApiUnauthorizedResponse({ type: OAuthErrorDto })
  @ApiResponse({
    status: 429,
    description: '认证失败次数过多 / too many failed client authentications',
    type: OAuthErrorDto,
  })
  async token(@Req() req: HttpRequest, @Res() res: ServerResponse): Promise<void> {
    // RFC 6749 §5.1: token responses are never cached.
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Pragma', 'no-cache');
    try {
      const form = await readForm(req);
      const grantType = form.get('grant_type');
      if (grantType === null) throw new OAuthRefused('invalid_request', '缺少 grant_type / grant_type is missing');
      if (grantType !== 'client_credentials')
        throw new OAuthRefused(
          'unsupported_grant_type',
          '只支持 client_credentials / only client_credentials is supported',
        );
      const { clientId, clientSecret } = basicCredentials(req);
      const facts = requestFacts(req);
      const answer = await this.clients.issue(
        clientId,
        clientSecret,
        form.get('scope') ?? undefined,
        facts.address,
        facts.now,
      );
      send(res, 200, answer);
    } catch (error) {
      if (error instanceof TooManySignInAttempts) {
        res.setHeader('Retry-After', String(error.retryAfterSeconds));
        return send(res, 429, { error: 'invalid_client', error_description: error.body.message, ...error.body });
      }
      if (!(error instanceof OAuthRefused)) throw error;
      if (error.status === 401) res.setHeader('WWW-Authenticate', 'Basic realm="relapse-watch"');
      send(res, error.status, {
        error: error.error,
        error_description: error.description,
        code: `oauth.${error.error.replace(/_/g, '-')}`,
        message: error.description,
      });
    }
  }
}

function send(res: ServerResponse, status: number, body: object): void {
  const json = JSON.stringify(body);
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.end(json);
}
