import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { BEARER_SCHEME } from '../access/access.decorators';
import type { ServiceIdentity } from '../service-identity';
import { documentRuntimeErrors } from './error-responses';
import { conditionalRequirementsByClass } from './optionality.decorators';
import { closeDtoSchemas, documentValidationRules, dropTypesBesideOneOf } from './validation-schema';

/** Title of every OpenAPI document the project publishes. */
export const OPENAPI_TITLE = 'Relapse Watch API · 防止返贫动态监测系统';

/** Where the Swagger UI is served; the JSON document is at `<path>/openapi.json`. */
export const OPENAPI_PATH = 'docs';

/**
 * Builds the OpenAPI document of the app's controllers and serves it with Swagger UI. The
 * document states what the server enforces: every class-validator rule of the DTOs, the error
 * responses (with the error body's schema) and conditional requirements (`@RequiredWhen`).
 */
export function setupOpenApi(app: INestApplication, identity: ServiceIdentity): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle(OPENAPI_TITLE)
    .setDescription(
      '防止返贫动态监测和帮扶：集中排查、监测对象识别、帮扶与风险消除。错误响应统一为 `{ code, message, field?, errors? }`。\n\n' +
        'Poverty-relapse monitoring and assistance. Every error response is `{ code, message, field?, errors? }`; ' +
        'every response carries `X-Correlation-Id` (send a UUID to set it). A method a path does not list ' +
        'answers 405 with `Allow`.',
    )
    .setVersion(identity.version)
    .addBearerAuth(
      {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'JWT',
        description: '登录后取得的访问令牌 / the access token from sign-in (POST /api/auth/token)',
      },
      BEARER_SCHEME,
    )
    .build();
  documentValidationRules();
  const document = SwaggerModule.createDocument(app, config);
  documentRuntimeErrors(document);
  documentConditionalRequirements(document);
  dropTypesBesideOneOf(document.components?.schemas ?? {});
  closeDtoSchemas(document.components?.schemas ?? {});
  SwaggerModule.setup(OPENAPI_PATH, app, document, {
    jsonDocumentUrl: `${OPENAPI_PATH}/openapi.json`,
    raw: ['json'],
    customSiteTitle: OPENAPI_TITLE,
    // The UI would show a badge from validator.swagger.io: an outside call the CSP refuses anyway.
    swaggerOptions: { validatorUrl: null },
  });
  return document;
}

// "kind is X ⇒ field present" in OpenAPI 3.0: either kind is not X, or the field is there.
function documentConditionalRequirements(document: OpenAPIObject): void {
  const schemas = (document.components?.schemas ?? {}) as Record<string, Record<string, unknown>>;
  for (const [name, requirements] of conditionalRequirementsByClass()) {
    const schema = schemas[name];
    if (schema === undefined) continue;
    const rules = new Map<string, { when: string; values: readonly string[]; properties: string[] }>();
    for (const r of requirements) {
      const key = `${r.when}\n${r.values.join('\n')}`;
      const rule = rules.get(key) ?? { when: r.when, values: r.values, properties: [] };
      rule.properties.push(r.property);
      rules.set(key, rule);
    }
    schema['allOf'] = [...rules.values()].map((rule) => ({
      anyOf: [{ properties: { [rule.when]: { not: { enum: [...rule.values] } } } }, { required: rule.properties }],
    }));
  }
}
