import { Module } from '@nestjs/common';
import { EventDocsController } from './event-docs.controller';

/** `GET /docs/events` (alias `/docs/events.json`): the AsyncAPI document of the integration events. */
@Module({ controllers: [EventDocsController] })
export class EventDocsModule {}
