import { ApiError } from '@relapse-watch/service-runtime';

const TEXT = {
  'auth.invalid-credentials': [401, '登录名或密码错误 / wrong sign-in name or password'],
  'auth.user-disabled': [403, '该用户已停用，请联系管理员 / this user is disabled: ask an administrator'],
  'auth.password-change-required': [
    403,
    '请先修改一次性密码（POST /api/auth/password）/ change the one-time password first (POST /api/auth/password)',
  ],
  'auth.refresh-token-invalid': [
    401,
    '刷新令牌无效或已过期，请重新登录 / the refresh token is not valid or has expired: sign in again',
  ],
  'auth.refresh-token-reused': [
    401,
    '刷新令牌已被使用过，为安全起见本次登录已注销，请重新登录 / the refresh token was already used: this session is revoked for safety, sign in again',
  ],
} as const;

/** A refused sign-in, refresh or password change, with its status and rule code. */
export class AuthRefused extends ApiError {
  constructor(code: keyof typeof TEXT, field?: string) {
    const [status, message] = TEXT[code];
    super(status, { code, message, ...(field === undefined ? {} : { field }) });
    this.name = 'AuthRefused';
  }
}
