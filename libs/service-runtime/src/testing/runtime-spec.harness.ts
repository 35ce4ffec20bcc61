import { PublicRoute } from '../access/access.decorators';
// Spec-only support (excluded from the library build): boots a real service app on port 0
// with a temp data dir and a test-only controller, and captures its log lines.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Body, Controller, Get, Inject, Module, Param, Post } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { EVENT_STORE, newEventId, type EventStore } from '@relapse-watch/event-store-core';
import { Type } from 'class-transformer';
import { IsInt, IsString, Length, Min, ValidateNested } from 'class-validator';
import { Optional } from '../openapi/optionality.decorators';
import { PinoLogger } from 'nestjs-pino';
import { loadRuntimeConfig } from '../config/runtime.config';
import { NotFound } from '../errors/api-error';
import { CorrelationId, currentCorrelationId } from '../logging/correlation-id.context';
import { createServiceApp } from '../service-app.factory';

/** A promise with its resolver, for handlers the test holds open. */
export function gate(): { promise: Promise<void>; open: () => void } {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

/**
 * The slow route: `entered` opens when a request is inside, `release` lets it finish, and it
 * notes in `trail` when it has finished (after reading the event store).
 */
export const slowRoute = { entered: gate(), release: gate(), trail: [] as string[] };

class DivisionDto {
  @IsString()
  @Length(12, 12)
  code!: string;
}

/** A DTO exercising the validation pipe: types, ranges, nesting, conversion. */
export class ProbeItemDto {
  @IsString()
  @Length(1, 20)
  title!: string;

  @IsInt()
  @Min(0)
  count!: number;

  @Optional()
  @ValidateNested()
  @Type(() => DivisionDto)
  division?: DivisionDto;
}

@PublicRoute()
@Controller('test')
class ProbeController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly logger: PinoLogger,
  ) {}

  @Post('items/:id')
  async create(@Param('id') id: string, @Body() item: ProbeItemDto, @CorrelationId() correlationId: string) {
    const result = await this.store.appendToStream(`test-item-${id}`, [
      {
        id: newEventId(),
        type: 'ItemCreated',
        data: { title: item.title, count: item.count },
        metadata: {
          actor: { userId: 'spec', role: 'tester' },
          divisionCode: item.division?.code ?? '510101001001',
          correlationId: currentCorrelationId() ?? 'none',
          causationId: null,
          occurredAt: new Date(0).toISOString(),
        },
      },
    ]);
    return {
      correlationId,
      fromContext: currentCorrelationId(),
      isDto: item instanceof ProbeItemDto,
      countType: typeof item.count,
      ...result,
    };
  }

  @Post('streams/:id/invalid')
  invalid(@Param('id') id: string) {
    return this.store.appendToStream(`test-${id}`, [{ id: 'not-a-uuid', type: 'X', data: {}, metadata: {} as never }]);
  }

  @Post('streams/:id/conflict')
  async conflict(@Param('id') id: string) {
    const event = () => ({
      id: newEventId(),
      type: 'X',
      data: {},
      metadata: {
        actor: { userId: 'u', role: 'r' },
        divisionCode: '5',
        correlationId: 'c',
        causationId: null,
        occurredAt: 't',
      },
    });
    await this.store.appendToStream(`test-${id}`, [event(), event()]);
    return this.store.appendToStream(`test-${id}`, [event()], { expectedRevision: 0 });
  }

  @Get('missing')
  missing() {
    throw new NotFound('测试项', 'test item');
  }

  @Post('boom')
  boom() {
    throw new Error('kaboom: an unexpected bug');
  }

  @Post('resident')
  resident() {
    this.logger.info(
      { resident: { name: '张三', idNumber: '510101199001011234', phone: '13800000000', village: '某村' } },
      'resident seen',
    );
    return { logged: true };
  }

  @Get('slow')
  async slow() {
    slowRoute.entered.open();
    await slowRoute.release.promise;
    const head = await this.store.headPosition();
    slowRoute.trail.push('slow request finished');
    return { finished: true, head };
  }
}

/** The test-only module: what a service's AppModule would be. */
@Module({ controllers: [ProbeController] })
export class ProbeModule {}

/** A booted app and what tests need to talk to it. */
export interface SpecApp {
  readonly app: NestExpressApplication;
  readonly url: string;
  readonly dataDir: string;
  /** Raw log lines written so far. */
  readonly lines: string[];
  /** Parsed log lines. */
  logs(): Record<string, unknown>[];
  /** Closes the app (idempotent) and removes the data dir. */
  dispose(): Promise<void>;
}

/** Boots `module` (ProbeModule by default) under the runtime on 127.0.0.1:0. */
export async function bootSpecApp(
  module: new () => unknown = ProbeModule,
  env: Record<string, string> = {},
): Promise<SpecApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'rw-runtime-spec-'));
  const config = loadRuntimeConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'info', ...env });
  const lines: string[] = [];
  const app = await createServiceApp(module, {
    config,
    identity: { name: '@relapse-watch/runtime-spec', version: '9.8.7' },
    logDestination: { write: (line: string) => void lines.push(line) },
  });
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as { port: number };
  let closed: Promise<void> | undefined;
  return {
    app,
    url: `http://127.0.0.1:${port}`,
    dataDir,
    lines,
    logs: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>),
    dispose: async () => {
      closed ??= app.close();
      await closed;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** POSTs JSON (or a raw string) and returns status, headers and parsed body. */
export async function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as Record<string, unknown> };
}

/** GETs and returns status, headers and the parsed JSON body. */
export async function getJson(url: string, headers: Record<string, string> = {}) {
  const res = await fetch(url, { headers });
  return { status: res.status, headers: res.headers, body: (await res.json()) as Record<string, unknown> };
}
