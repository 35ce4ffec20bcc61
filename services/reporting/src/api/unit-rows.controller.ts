import type { ServerResponse } from 'node:http';
import { PassThrough } from 'node:stream';
import { Controller, Get, Inject, Param, Query, StreamableFile, UseInterceptors } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { callerOf, type Principal } from '@relapse-watch/access';
import { ApiErrorResponses, CurrentPrincipal, Requires, RUNTIME_LOGGER } from '@relapse-watch/service-runtime';
import type { Logger } from 'pino';
import { CONTENT_TYPES, contentDisposition, type ReportExports } from '../application/report-export';
import type { UnitRowQueries, UnitRowsPage } from '../application/unit-rows.queries';
import { UnitPath } from './dto/report-query.dto';
import { ReportExportQueryDto, UNIT_ROWS_PAGE_SCHEMA, UnitRowsQueryDto } from './dto/unit-rows.dto';
import { ReportingErrorInterceptor } from './reporting-error.interceptor';
import { REPORT_EXPORTS, UNIT_ROW_QUERIES } from './reporting.tokens';

/**
 * The units of a tier under a unit: a page of key figures for the dashboard's drill-down tables,
 * and the whole listing as a CSV or XLSX download (issue 13 item 6); only inside the caller's area.
 */
@ApiTags('reporting 报表')
@UseInterceptors(ReportingErrorInterceptor)
@Controller('api/reporting')
export class UnitRowsController {
  constructor(
    @Inject(UNIT_ROW_QUERIES) private readonly rows: UnitRowQueries,
    @Inject(REPORT_EXPORTS) private readonly exports: ReportExports,
    @Inject(RUNTIME_LOGGER) private readonly logger: Logger,
  ) {}

  @Get('units/:unitCode/rows')
  @Requires('report.read')
  @ApiOperation({
    summary: '下级单位关键指标（分页）/ key figures of the units of a tier under a unit, a page at a time',
  })
  @ApiOkResponse({ schema: UNIT_ROWS_PAGE_SCHEMA })
  @ApiErrorResponses(422)
  unitRows(
    @Param() { unitCode }: UnitPath,
    @Query() query: UnitRowsQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<UnitRowsPage> {
    return this.rows.rows(callerOf(principal), { unitCode, ...query });
  }

  @Get('units/:unitCode/export')
  @Requires('report.read')
  @ApiOperation({
    summary:
      '导出下级单位报表（CSV 或 XLSX，流式，首行为本单位合计）/ export the reports of the units under a unit (CSV or XLSX, streamed; first row: the unit itself)',
  })
  @ApiOkResponse({
    description: '附件，文件名见 Content-Disposition / an attachment named in Content-Disposition',
    content: {
      [CONTENT_TYPES.csv]: { schema: { type: 'string' } },
      [CONTENT_TYPES.xlsx]: { schema: { type: 'string', format: 'binary' } },
    },
    headers: { 'Content-Disposition': { description: "attachment; filename*=UTF-8''…", schema: { type: 'string' } } },
  })
  @ApiErrorResponses(422, 503)
  async export(
    @Param() { unitCode }: UnitPath,
    @Query() query: ReportExportQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<StreamableFile> {
    const prepared = await this.exports.prepare(callerOf(principal), {
      unitCode,
      format: query.format,
      report: query.report ?? 'all',
      tier: query.tier,
      year: query.year,
    });
    // The status and headers are sent with the first bytes; a failure after that can only cut
    // the download short (the client sees a truncated file, never a 200 that claims success).
    const body = new PassThrough();
    prepared.write(body).catch((err: unknown) => {
      this.logger.error({ err, unitCode }, '导出中断 / export cut short');
      body.destroy(err instanceof Error ? err : new Error(String(err)));
    });
    const file = new StreamableFile(body, { type: prepared.contentType, disposition: contentDisposition(prepared) });
    return file.setErrorHandler((_err, res) => {
      if (res.destroyed) return;
      if (res.headersSent) return void res.destroy?.();
      // Failed before the first byte (the store went away): the common error body, not a file.
      const http = res as unknown as ServerResponse;
      http.statusCode = 503;
      http.removeHeader('Content-Disposition');
      http.setHeader('Content-Type', 'application/json; charset=utf-8');
      http.end(
        JSON.stringify({
          code: 'report.export-failed',
          message: '导出失败，请稍后重试 / the export failed, try again later',
        }),
      );
    });
  }
}
