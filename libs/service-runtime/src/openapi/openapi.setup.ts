import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import type { ServiceIdentity } from '../service-identity';

/** Title of every OpenAPI document the project publishes. */
export const OPENAPI_TITLE = 'Relapse Watch API · 防止返贫动态监测系统';

/** Where the Swagger UI is served; the JSON document is at `<path>/openapi.json`. */
export const OPENAPI_PATH = 'docs';

/** Builds the OpenAPI document of the app's controllers and serves it with Swagger UI. */
export function setupOpenApi(app: INestApplication, identity: ServiceIdentity): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle(OPENAPI_TITLE)
    .setDescription(
      '防止返贫动态监测和帮扶：集中排查、监测对象识别、帮扶与风险消除。错误响应统一为 `{ code, message, field?, errors? }`。\n\n' +
        'Poverty-relapse monitoring and assistance. Every error response is `{ code, message, field?, errors? }`; ' +
        'every response carries `X-Correlation-Id` (send a UUID to set it).',
    )
    .setVersion(identity.version)
    .build();
  const document = SwaggerModule.createDocument(app, config);
  SwaggerModule.setup(OPENAPI_PATH, app, document, {
    jsonDocumentUrl: `${OPENAPI_PATH}/openapi.json`,
    raw: ['json'],
    customSiteTitle: OPENAPI_TITLE,
  });
  return document;
}
