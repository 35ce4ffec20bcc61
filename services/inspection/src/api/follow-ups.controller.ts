import type { ServerResponse } from 'node:http';
import { PassThrough } from 'node:stream';
import { Controller, Get, Inject, Param, Query, StreamableFile, UseInterceptors } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { callerOf, type Principal } from '@relapse-watch/access';
import {
  ApiErrorResponses,
  CurrentPrincipal,
  ReadsYourWrites,
  Requires,
  RUNTIME_LOGGER,
} from '@relapse-watch/service-runtime';
import type { Logger } from 'pino';
import { followUpDisposition, type FollowUpListRequest, type FollowUpLists } from '../application/follow-up-lists';
import type { FollowUpKind } from '../read-model/follow-ups/follow-up.projection';
import type { FollowUpPage } from '../read-model/follow-ups/follow-up.queries';
import {
  FollowUpExportQueryDto,
  FollowUpListQueryDto,
  FollowUpPageDto,
  type FollowUpFilterDto,
} from './dto/follow-up.dto';
import { CampaignPath } from './dto/path.dto';
import { InspectionErrorInterceptor } from './inspection-error.interceptor';
import { FOLLOW_UP_LISTS, FOLLOW_UPS_RUNNER } from './inspection.tokens';

const EXPORT_RESPONSE = {
  description: '附件，文件名见 Content-Disposition / an attachment named in Content-Disposition',
  content: {
    'text/csv; charset=utf-8': { schema: { type: 'string' } },
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
      schema: { type: 'string', format: 'binary' },
    },
  },
  headers: { 'Content-Disposition': { description: "attachment; filename*=UTF-8''…", schema: { type: 'string' } } },
};

function requestOf(kind: FollowUpKind, campaignId: string, query: FollowUpFilterDto): FollowUpListRequest {
  return {
    kind,
    campaignId,
    ...(query.divisionCode === undefined ? {} : { divisionCode: query.divisionCode }),
    ...(query.status === undefined ? {} : { status: query.status }),
    ...(query.ruleId === undefined ? {} : { ruleId: query.ruleId }),
  };
}

/**
 * The data-quality issues and rectification items of a campaign in a unit (issue 14): pages for
 * the dashboard, and the same lists as CSV or XLSX, streamed; only inside the caller's area.
 */
@ApiTags('inspection 数据质量与整改')
@UseInterceptors(InspectionErrorInterceptor)
@Controller('api/inspection/campaigns/:campaignId')
export class FollowUpsController {
  constructor(
    @Inject(FOLLOW_UP_LISTS) private readonly lists: FollowUpLists,
    @Inject(RUNTIME_LOGGER) private readonly logger: Logger,
  ) {}

  @Get('data-quality-issues')
  @Requires('inspection.read')
  @ApiOperation({
    summary: '数据质量问题清单（分页）/ the data-quality issues of a campaign in a unit, a page at a time',
  })
  @ApiOkResponse({ type: FollowUpPageDto })
  @ApiErrorResponses(404, 422)
  @ReadsYourWrites(FOLLOW_UPS_RUNNER)
  issues(
    @Param() { campaignId }: CampaignPath,
    @Query() query: FollowUpListQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<FollowUpPage> {
    return this.page('data-quality', campaignId, query, principal);
  }

  @Get('data-quality-issues/export')
  @Requires('inspection.read')
  @ApiOperation({ summary: '导出数据质量问题清单（CSV 或 XLSX）/ export the data-quality issues (CSV or XLSX)' })
  @ApiOkResponse(EXPORT_RESPONSE)
  @ApiErrorResponses(404, 422, 503)
  @ReadsYourWrites(FOLLOW_UPS_RUNNER)
  exportIssues(
    @Param() { campaignId }: CampaignPath,
    @Query() query: FollowUpExportQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<StreamableFile> {
    return this.export('data-quality', campaignId, query, principal);
  }

  @Get('rectification-items')
  @Requires('inspection.read')
  @ApiOperation({
    summary: '整改事项台账（分页）/ the rectification items of a campaign in a unit, a page at a time',
  })
  @ApiOkResponse({ type: FollowUpPageDto })
  @ApiErrorResponses(404, 422)
  @ReadsYourWrites(FOLLOW_UPS_RUNNER)
  items(
    @Param() { campaignId }: CampaignPath,
    @Query() query: FollowUpListQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<FollowUpPage> {
    return this.page('rectification', campaignId, query, principal);
  }

  @Get('rectification-items/export')
  @Requires('inspection.read')
  @ApiOperation({ summary: '导出整改事项台账（CSV 或 XLSX）/ export the rectification items (CSV or XLSX)' })
  @ApiOkResponse(EXPORT_RESPONSE)
  @ApiErrorResponses(404, 422, 503)
  @ReadsYourWrites(FOLLOW_UPS_RUNNER)
  exportItems(
    @Param() { campaignId }: CampaignPath,
    @Query() query: FollowUpExportQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<StreamableFile> {
    return this.export('rectification', campaignId, query, principal);
  }

  private page(
    kind: FollowUpKind,
    campaignId: string,
    query: FollowUpListQueryDto,
    principal: Principal,
  ): Promise<FollowUpPage> {
    const request = requestOf(kind, campaignId, query);
    return this.lists.page(request, query.limit ?? 20, query.offset ?? 0, callerOf(principal));
  }

  private async export(
    kind: FollowUpKind,
    campaignId: string,
    query: FollowUpExportQueryDto,
    principal: Principal,
  ): Promise<StreamableFile> {
    const prepared = await this.lists.export(requestOf(kind, campaignId, query), query.format, callerOf(principal));
    // The status and headers go with the first bytes; a failure after that can only cut the file short.
    const body = new PassThrough();
    prepared.write(body).catch((err: unknown) => {
      this.logger.error({ err, campaignId, kind }, '导出中断 / export cut short');
      body.destroy(err instanceof Error ? err : new Error(String(err)));
    });
    const file = new StreamableFile(body, { type: prepared.contentType, disposition: followUpDisposition(prepared) });
    return file.setErrorHandler((_err, res) => {
      if (res.destroyed) return;
      if (res.headersSent) return void res.destroy?.();
      const http = res as unknown as ServerResponse;
      http.statusCode = 503;
      http.removeHeader('Content-Disposition');
      http.setHeader('Content-Type', 'application/json; charset=utf-8');
      http.end(
        JSON.stringify({
          code: 'inspection.export-failed',
          message: '导出失败，请稍后重试 / the export failed, try again later',
        }),
      );
    });
  }
}
