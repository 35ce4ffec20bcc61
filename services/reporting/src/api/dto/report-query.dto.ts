import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IntegerParam, IsDivisionCode, Optional } from '@relapse-watch/service-runtime';
import { IsInt, Matches, Max, Min } from 'class-validator';

// RFC 3339 with a zone (Z or ±hh:mm): an instant, never a local time that depends on the server.
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})$/;

/** `?year=&asOf=` of a report. */
export class ReportQueryDto {
  @ApiPropertyOptional({
    description: '报告年度；缺省为截至日所在年度 / report year; default: the year of the day the report is as of',
    minimum: 2014,
    maximum: 2100,
    example: 2024,
  })
  @Optional()
  @IntegerParam()
  @IsInt()
  @Min(2014)
  @Max(2100)
  year?: number;

  @ApiPropertyOptional({
    description:
      '截至时刻（RFC 3339，带时区），按事件日志重算到该时刻；缺省为当前 / as of this instant (RFC 3339 with a zone), recomputed from the log up to it; default: now',
    example: '2024-08-30T23:59:59+08:00',
    format: 'date-time',
  })
  @Optional()
  @Matches(INSTANT, {
    message: '须为带时区的 RFC 3339 时刻，如 2024-08-30T23:59:59+08:00 / must be an RFC 3339 instant with a zone',
  })
  asOf?: string;
}

/** The unit a report is about. */
export class UnitPath {
  @ApiProperty({
    description: '12位统计用区划代码（省至村）/ 12-digit division code, province to village',
    example: '511923000000',
  })
  @IsDivisionCode()
  unitCode!: string;
}

/** The province whose key regions are asked for. */
export class ProvincePath {
  @ApiProperty({ description: '省级12位区划代码 / 12-digit province code', example: '510000000000' })
  @Matches(/^[1-9][0-9]0{10}$/, { message: '须为省级12位区划代码，如 510000000000 / must be a 12-digit province code' })
  provinceCode!: string;
}
