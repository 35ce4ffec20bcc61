import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { buildAsyncApiDocument, type AsyncApiDocument } from '@relapse-watch/contracts';
import { PublicRoute } from '@relapse-watch/service-runtime';

/**
 * The AsyncAPI 3.0 document of every integration event, for the teams of other government
 * systems that subscribe on Kafka. It sits beside the Swagger UI (`/docs`) and its
 * `/docs/openapi.json`; Swagger registers only fixed paths and its asset folder there, so
 * `/docs/events` does not clash. Public like `/docs`: it describes contracts, never data.
 */
@ApiTags('docs · 文档')
@Controller('docs')
export class EventDocsController {
  // Built once: the contracts are compiled in, so the document cannot change while running.
  private readonly document: AsyncApiDocument = buildAsyncApiDocument();

  @Get(['events', 'events.json'])
  @PublicRoute()
  @Header('Content-Type', 'application/json; charset=utf-8')
  @ApiOperation({
    summary: '集成事件文档（AsyncAPI 3.0） / Integration events (AsyncAPI 3.0)',
    description:
      '各业务上下文发布到 Kafka 的集成事件：主题、消息键、CloudEvents 信封和每个事件的 JSON Schema。 / ' +
      'The integration events each context publishes on Kafka: topics, message keys, the CloudEvents envelope and every event’s JSON Schema.',
  })
  @ApiOkResponse({
    description: 'AsyncAPI 3.0.0 document',
    schema: { type: 'object', properties: { asyncapi: { type: 'string', example: '3.0.0' } } },
  })
  events(): AsyncApiDocument {
    return this.document;
  }
}
