import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { EVENT_STORE, type EventStore } from '@relapse-watch/event-store-core';
import {
  RUNTIME_CONFIG,
  SERVICE_IDENTITY,
  type RuntimeConfig,
  Requires,
  type ServiceIdentity,
} from '@relapse-watch/service-runtime';
import { SystemInfoDto } from './system-info.dto';

/**
 * Build and runtime facts for operators and the dashboard's "about" panel; no secrets, no URLs.
 * Signed-in users only: the version tells an attacker which known flaws to try, and the head
 * position how busy the system is; every role (and a client that may read the registry) has
 * `registry.read`, so the panel shows for everyone who signed in.
 */
@ApiTags('system · 系统')
@Controller('api/system')
export class SystemInfoController {
  constructor(
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(RUNTIME_CONFIG) private readonly config: RuntimeConfig,
    @Inject(SERVICE_IDENTITY) private readonly identity: ServiceIdentity,
  ) {}

  @Get('info')
  @Requires('registry.read')
  @ApiOperation({ summary: '系统信息 / system information' })
  @ApiOkResponse({ type: SystemInfoDto })
  async info(): Promise<SystemInfoDto> {
    return {
      name: this.identity.name,
      version: this.identity.version,
      mode: this.config.mode,
      eventStore: this.config.eventStore.kind,
      readStore: this.config.readStore.kind,
      bus: this.config.bus.kind,
      headPosition: await this.eventStore.headPosition(),
    };
  }
}
