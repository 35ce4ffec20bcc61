import { ApiProperty, ApiPropertyOptional, type ApiResponseSchemaHost } from '@nestjs/swagger';
import { DIVISION_TIERS, type DivisionTier } from '@relapse-watch/domain-kernel';
import { IntegerParam, Optional } from '@relapse-watch/service-runtime';
import { IsIn, IsInt, Max, Min } from 'class-validator';
import { EXPORT_FORMATS, type ExportFormat } from '../../application/report-export';
import { REPORT_NAMES, type ReportName } from '../../export/report-columns';

const BELOW: readonly DivisionTier[] = DIVISION_TIERS.filter((tier) => tier !== 'province');

/** `?tier=&year=` shared by the rows and the exports. */
class UnitsUnderQueryDto {
  @ApiPropertyOptional({
    enum: BELOW,
    description:
      '列出的层级，须低于所选单位；缺省为下一级 / the tier listed, below the unit; default: the next one down',
  })
  @Optional()
  @IsIn(BELOW, { message: '须为 city、county、township 或 village / must be city, county, township or village' })
  tier?: DivisionTier;

  @ApiPropertyOptional({
    description: '报告年度；缺省为今年 / report year; default: this year',
    minimum: 2014,
    maximum: 2100,
  })
  @Optional()
  @IntegerParam()
  @IsInt()
  @Min(2014)
  @Max(2100)
  year?: number;
}

/** `?tier=&year=&limit=&offset=` of the drill-down rows. */
export class UnitRowsQueryDto extends UnitsUnderQueryDto {
  @ApiPropertyOptional({ default: 100, minimum: 1, maximum: 1000 })
  @Optional()
  @IntegerParam()
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;

  @ApiPropertyOptional({ default: 0, minimum: 0, maximum: 1_000_000 })
  @Optional()
  @IntegerParam()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  offset?: number;
}

/** `?format=&report=&tier=&year=` of an export. */
export class ReportExportQueryDto extends UnitsUnderQueryDto {
  @ApiProperty({ enum: EXPORT_FORMATS, description: 'CSV（UTF-8 带 BOM）或 XLSX / CSV (UTF-8 with BOM) or XLSX' })
  @IsIn(EXPORT_FORMATS, { message: '须为 csv 或 xlsx / must be csv or xlsx' })
  format!: ExportFormat;

  @ApiPropertyOptional({
    enum: [...REPORT_NAMES, 'all'],
    default: 'all',
    description: '一个报表或全部（XLSX 每表一个工作表）/ one report, or all (XLSX: a worksheet each)',
  })
  @Optional()
  @IsIn([...REPORT_NAMES, 'all'], { message: '须为报表名或 all / must be a report name or all' })
  report?: ReportName | 'all';
}

type SchemaObject = ApiResponseSchemaHost['schema'];
const count: SchemaObject = { type: 'integer', minimum: 0 };
const tier: SchemaObject = { type: 'string', enum: [...DIVISION_TIERS] };
const code: SchemaObject = { type: 'string', pattern: '^[0-9]{12}$' };
const name: SchemaObject = {
  type: 'string',
  description: '区划名称；未知时为代码 / division name; its code when unknown',
};

const row: SchemaObject = {
  type: 'object',
  required: [
    'unitCode',
    'name',
    'tier',
    'households',
    'inspected',
    'inspectedShare',
    'monitored',
    'newSubjects',
    'belowLine',
    'eliminated',
    'labourCapableWithoutDevelopmentMeasure',
    'openDataQualityIssues',
    'openRectificationItems',
  ],
  properties: {
    unitCode: code,
    name,
    tier,
    households: count,
    inspected: count,
    inspectedShare: { type: 'number', nullable: true, minimum: 0 },
    monitored: count,
    newSubjects: count,
    belowLine: {
      type: 'object',
      description: '低于各标准线户数 / households below each line',
      additionalProperties: count,
    },
    eliminated: count,
    labourCapableWithoutDevelopmentMeasure: count,
    openDataQualityIssues: count,
    openRectificationItems: count,
  },
};

/** The schema of a page of drill-down rows. */
export const UNIT_ROWS_PAGE_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['unitCode', 'name', 'tier', 'year', 'asOfDate', 'total', 'limit', 'offset', 'items'],
  properties: {
    unitCode: code,
    name,
    tier: { ...tier, description: '各行的层级 / the rows’ tier' },
    year: { type: 'integer' },
    asOfDate: { type: 'string', format: 'date' },
    total: count,
    limit: { type: 'integer', minimum: 1 },
    offset: count,
    items: { type: 'array', items: row },
  },
};
