import { ApiProperty } from '@nestjs/swagger';

/** What `GET /api/system/info` answers: which build runs, in which mode, on which adapters. */
export class SystemInfoDto {
  @ApiProperty({ example: '@relapse-watch/gateway', description: '服务名 / service package name' })
  readonly name!: string;

  @ApiProperty({ example: '0.1.0', description: '版本 / version' })
  readonly version!: string;

  @ApiProperty({ enum: ['embedded', 'distributed'], example: 'embedded', description: '运行模式 / runtime mode' })
  readonly mode!: 'embedded' | 'distributed';

  @ApiProperty({
    enum: ['sqlite', 'postgres', 'kurrentdb'],
    example: 'sqlite',
    description: '事件存储 / event store adapter',
  })
  readonly eventStore!: 'sqlite' | 'postgres' | 'kurrentdb';

  @ApiProperty({ enum: ['sqlite', 'mongodb'], example: 'sqlite', description: '读模型存储 / read store adapter' })
  readonly readStore!: 'sqlite' | 'mongodb';

  @ApiProperty({ enum: ['inproc', 'kafka'], example: 'inproc', description: '消息总线 / message bus adapter' })
  readonly bus!: 'inproc' | 'kafka';

  @ApiProperty({
    example: 0,
    minimum: 0,
    description: '最后一个已提交事件的全局位置 / global position of the last committed event',
  })
  readonly headPosition!: number;
}
