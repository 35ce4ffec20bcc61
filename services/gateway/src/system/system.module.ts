import { Module } from '@nestjs/common';
import { SystemInfoController } from './system-info.controller';

/** `GET /api/system/info`. */
@Module({ controllers: [SystemInfoController] })
export class SystemModule {}
