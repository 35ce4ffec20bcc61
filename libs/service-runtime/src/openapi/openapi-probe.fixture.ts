import { PublicRoute } from '../access/access.decorators';
// Spec-only support: a module whose DTOs and routes exercise what the OpenAPI setup derives.
import { Body, Controller, Get, Module, Param, Post } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { ReadsYourWrites, type CatchingUpReadModel } from '../read-your-writes/min-position';
import { IntegerParam } from './integer-param.decorator';
import { Optional, RequiredWhen } from './optionality.decorators';

export class ProbeKindDto {
  @ApiProperty({ enum: ['plain', 'graded'] })
  @IsIn(['plain', 'graded'])
  kind!: 'plain' | 'graded';

  @RequiredWhen('kind', ['graded'])
  @IsInt()
  @Min(1)
  @Max(4)
  grade?: number;
}

export class ProbeBodyDto {
  @Matches(/^\d{6}$/)
  code!: string;

  @IsString()
  @Length(1, 20)
  title!: string;

  @IsInt()
  @Min(0)
  count!: number;

  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMinSize(1)
  @Matches(/^\d{2}$/, { each: true })
  codes!: string[];

  @Optional()
  @IsString()
  @Length(1, 5)
  note?: string;

  @ApiProperty({ type: ProbeKindDto })
  @ValidateNested()
  @Type(() => ProbeKindDto)
  kind!: ProbeKindDto;
}

export class ProbeYearPath {
  @IntegerParam()
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;
}

/** The read model the probe's read waits on: `checkpoint` is what it holds, `caughtUpTo` what it will reach. */
export const probeReadModel = {
  checkpoint: 0,
  caughtUpTo: 0,
  async waitUntilCaughtUp(position: number, options: { readonly signal?: AbortSignal }): Promise<void> {
    if (position <= this.caughtUpTo) return;
    await new Promise((_resolve, reject) =>
      options.signal?.addEventListener('abort', () => reject(new Error('aborted'))),
    );
  },
} satisfies CatchingUpReadModel & { caughtUpTo: number };

const PROBE_READ_MODEL = Symbol('probe read model');

@PublicRoute()
@Controller('probe')
class OpenApiProbeController {
  @Post(':year')
  create(@Param() path: ProbeYearPath, @Body() body: ProbeBodyDto) {
    return { year: path.year, yearType: typeof path.year, kind: body.kind.kind };
  }

  @Get(':year')
  @ReadsYourWrites(PROBE_READ_MODEL)
  read(@Param() path: ProbeYearPath) {
    return { year: path.year };
  }
}

@Module({
  controllers: [OpenApiProbeController],
  providers: [{ provide: PROBE_READ_MODEL, useValue: probeReadModel }],
})
export class OpenApiProbeModule {}
