import { applyDecorators } from '@nestjs/common';
import { ApiResponse, type OpenAPIObject } from '@nestjs/swagger';

/** A schema object of the document's `components.schemas` (the type @nestjs/swagger does not export). */
type SchemaObjectOf<D extends OpenAPIObject> = NonNullable<NonNullable<D['components']>['schemas']>[string];

/** Name of the error body's schema in `components.schemas`. */
export const API_ERROR_SCHEMA = 'ApiErrorBody';

/** The error body ({@link ApiErrorBody}) as an OpenAPI schema. */
export const API_ERROR_BODY_SCHEMA: SchemaObjectOf<OpenAPIObject> = {
  type: 'object',
  description: '错误响应 / error response: `code` stable and machine-readable, `message` 中文 / English',
  required: ['code', 'message'],
  properties: {
    code: { type: 'string', description: '规则代码 / rule code, e.g. `validation.failed`' },
    message: { type: 'string', description: '中文 / English' },
    field: { type: 'string', description: '出错的字段或请求头 / field or header at fault' },
    errors: {
      type: 'array',
      description: '每个字段、每条规则一项 / one entry per field and rule broken',
      items: {
        type: 'object',
        required: ['field', 'code', 'message'],
        properties: { field: { type: 'string' }, code: { type: 'string' }, message: { type: 'string' } },
      },
    },
  },
  additionalProperties: true,
};

/** What each error status means across the project's APIs. */
export const ERROR_STATUS_TEXT: Readonly<Record<number, string>> = {
  400: '请求格式或参数无效 / the request is malformed or a parameter is invalid (`validation.failed`, …)',
  401: '未登录或访问令牌无效、过期、已注销 / not signed in, or the access token is invalid, expired or revoked (`auth.token-missing`, …)',
  403: '无权执行：角色无此权限或区划不在管辖范围内 / not allowed: the role lacks the permission or the division is outside your area (`access.permission-denied`, `access.outside-area`)',
  404: '所指对象不存在 / what the path names does not exist (`not-found`, …)',
  405: '该路径不支持此方法 / the path does not support this method (`request.method-not-allowed`, with `Allow`)',
  409: '与当前数据冲突（版本、唯一性）/ conflicts with the current data (revision, uniqueness)',
  412: '前提条件不满足 / a precondition failed',
  413: '请求体过大 / the body is too large (`request.too-large`)',
  422: '格式正确但违反业务规则 / well-formed but breaks a domain rule (the rule code and field)',
  429: '尝试次数过多，请在 Retry-After 秒后再试 / too many attempts: try again after `Retry-After` seconds (`auth.too-many-attempts`)',
  503: '暂不可用（读模型滞后、正在停止）/ unavailable for now (read model behind, shutting down)',
};

const errorContent = { 'application/json': { schema: { $ref: `#/components/schemas/${API_ERROR_SCHEMA}` } } };

/**
 * Documents error responses of a route (or of every route of a controller) with the common
 * error body. The runtime adds 400 (any parameter or body) and 413 (any body) by itself.
 */
export function ApiErrorResponses(...statuses: readonly number[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: ERROR_STATUS_TEXT[status] ?? `错误 / error ${status}`,
        schema: { $ref: `#/components/schemas/${API_ERROR_SCHEMA}` },
      }),
    ),
  );
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'] as const;

interface OperationShape {
  parameters?: readonly unknown[];
  requestBody?: unknown;
  responses?: Record<string, unknown>;
}

/**
 * Adds the error responses the runtime itself gives to every operation that can get them — 400
 * when it takes any parameter or body, 413 when it takes a body — and the error body's schema.
 */
export function documentRuntimeErrors(document: OpenAPIObject): void {
  document.components = document.components ?? {};
  document.components.schemas = { ...document.components.schemas, [API_ERROR_SCHEMA]: API_ERROR_BODY_SCHEMA };
  for (const path of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = (path as Record<string, OperationShape | undefined>)[method];
      if (operation === undefined) continue;
      const responses = (operation.responses = operation.responses ?? {});
      // Declaring only error responses keeps @nestjs/swagger from adding its default success
      // response; put Nest's default back (201 for POST, 200 otherwise; `@HttpCode` routes declare theirs).
      if (!Object.keys(responses).some((status) => status.startsWith('2')))
        responses[method === 'post' ? '201' : '200'] = { description: '' };
      const statuses = [
        ...((operation.parameters?.length ?? 0) > 0 || operation.requestBody !== undefined ? [400] : []),
        ...(operation.requestBody !== undefined ? [413] : []),
      ];
      for (const status of statuses)
        responses[String(status)] = responses[String(status)] ?? {
          description: ERROR_STATUS_TEXT[status],
          content: errorContent,
        };
    }
  }
}
