/** One field at fault in a request. */
export interface ApiFieldError {
  /** Dotted path of the field, e.g. `members.0.idNumber`. */
  readonly field: string;
  /** Machine-readable rule broken, e.g. `is-int`, `property.unknown`. */
  readonly code: string;
  readonly message: string;
}

/**
 * The body of every error response. `code` is stable and machine-readable; `message` reads
 * `中文 / English`. Extra members (e.g. `currentRevision` on a conflict) may follow.
 */
export interface ApiErrorBody {
  readonly code: string;
  readonly message: string;
  readonly field?: string;
  readonly errors?: readonly ApiFieldError[];
  readonly [extra: string]: unknown;
}

/**
 * An error with its HTTP status and response body decided where it is raised. Controllers and
 * use cases throw these (or subclasses); the global filter writes them out unchanged.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody,
  ) {
    super(body.message);
    this.name = 'ApiError';
  }
}

/** 404: the thing asked for does not exist (or is outside the caller's area). */
export class NotFound extends ApiError {
  /** @param zh what was not found, in Chinese, e.g. `农户`; @param en the same in English, e.g. `household`. */
  constructor(zh = '资源', en = 'resource', extra: Record<string, unknown> = {}) {
    super(404, { code: 'not-found', message: `未找到${zh} / ${en} not found`, ...extra });
    this.name = 'NotFound';
  }
}

/** 400 from the validation pipe, one entry per field and rule broken. */
export class RequestValidationFailed extends ApiError {
  constructor(errors: readonly ApiFieldError[]) {
    super(400, {
      code: 'validation.failed',
      message: '请求参数校验失败 / request validation failed',
      ...(errors.length === 1 ? { field: errors[0].field } : {}),
      errors,
    });
    this.name = 'RequestValidationFailed';
  }
}

/** 400: the body is not valid JSON. */
export class MalformedJsonBody extends ApiError {
  constructor() {
    super(400, { code: 'request.malformed-json', message: '请求体不是有效的 JSON / request body is not valid JSON' });
    this.name = 'MalformedJsonBody';
  }
}

/** 413: the body is larger than the service accepts. */
export class BodyTooLarge extends ApiError {
  constructor(limit: string) {
    super(413, { code: 'request.too-large', message: `请求体超过 ${limit} / request body larger than ${limit}` });
    this.name = 'BodyTooLarge';
  }
}
