import type { Writable } from 'node:stream';
import { listScope, type Caller } from '@relapse-watch/access';
import type { Clock, IsoDate } from '@relapse-watch/domain-kernel';
import { writeWorkbook, type SheetCell } from '@relapse-watch/sheet-io';
import type { FollowUpKind, FollowUpStatus } from '../read-model/follow-ups/follow-up.projection';
import type {
  FollowUpFilter,
  FollowUpPage,
  FollowUpQueries,
  FollowUpRow,
} from '../read-model/follow-ups/follow-up.queries';
import type { CampaignFacts } from './household-inspection.ports';
import { applicationError } from './inspection-application.errors';

/** What {@link FollowUpLists} reads. */
export interface FollowUpListDeps {
  readonly campaigns: CampaignFacts;
  readonly followUps: FollowUpQueries;
  readonly clock: Clock;
}

/** A list request as the API takes it. */
export interface FollowUpListRequest {
  readonly kind: FollowUpKind;
  readonly campaignId: string;
  /** Default: the campaign's province (narrowed to the caller's area). */
  readonly divisionCode?: string;
  readonly status?: FollowUpStatus;
  readonly ruleId?: string;
}

/** The formats of an export. */
export type FollowUpExportFormat = 'csv' | 'xlsx';

/** An export ready to stream: its file name and its writer. */
export interface PreparedFollowUpExport {
  /** `数据质量问题-51-2024-511923000000.xlsx`. */
  readonly filename: string;
  /** The same in ASCII, for clients that ignore `filename*`. */
  readonly asciiFilename: string;
  readonly contentType: string;
  /** Writes the file to `out` and ends it. */
  write(out: Writable): Promise<void>;
}

const CONTENT_TYPES: Readonly<Record<FollowUpExportFormat, string>> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

const FILE_NAMES: Readonly<Record<FollowUpKind, { zh: string; en: string }>> = {
  'data-quality': { zh: '数据质量问题', en: 'data-quality-issues' },
  rectification: { zh: '整改事项', en: 'rectification-items' },
};

const STATUS_TEXT: Readonly<Record<FollowUpStatus, string>> = { open: '未办结 / open', closed: '已办结 / closed' };

/** The columns of each export, `中文 / English`, and the cells of a row. */
const COLUMNS: Readonly<Record<FollowUpKind, readonly [header: string, cell: (row: FollowUpRow) => SheetCell][]>> = {
  'data-quality': [
    ['问题ID / Issue id', (r) => r.id],
    ['农户ID / Household id', (r) => r.householdId],
    ['村代码 / Village code', (r) => r.villageCode],
    ['规则 / Rule id', (r) => r.ruleId],
    ['检查项 / Check', (r) => r.rule],
    ['字段 / Field', (r) => r.field],
    ['状态 / Status', (r) => STATUS_TEXT[r.status]],
    ['发现日期 / Opened on', (r) => r.openedOn],
    ['解决日期 / Resolved on', (r) => r.closedOn],
    ['历时（天）/ Days open', (r) => r.daysOpen],
    ['处理结果 / Resolution', (r) => r.resolution],
  ],
  rectification: [
    ['事项ID / Item id', (r) => r.id],
    ['农户ID / Household id', (r) => r.householdId],
    ['村代码 / Village code', (r) => r.villageCode],
    ['规则 / Rule id', (r) => r.ruleId],
    ['排查领域 / Area', (r) => r.area],
    ['责任单位 / Owner', (r) => r.ownerUnit],
    ['状态 / Status', (r) => STATUS_TEXT[r.status]],
    ['发现日期 / Opened on', (r) => r.openedOn],
    ['整改期限 / Due on', (r) => r.dueOn],
    ['销号日期 / Closed on', (r) => r.closedOn],
    ['历时（天）/ Days open', (r) => r.daysOpen],
    ['逾期 / Overdue', (r) => (r.overdue ? '是 / yes' : '否 / no')],
    ['处理结果 / Resolution', (r) => r.resolution],
  ],
};

/**
 * The lists of a campaign's data-quality issues and rectification items in a unit (issue 14):
 * a page for the dashboard, or the whole list as CSV or XLSX. Only what the caller's area
 * reaches: a unit inside it, or the caller's part of a unit that holds some of it (an inspector's
 * villages of their township).
 */
export class FollowUpLists {
  constructor(private readonly deps: FollowUpListDeps) {}

  /**
   * One page of a list.
   * @throws DomainError `campaign.not-found` (404), `access.outside-area` (403), `progress.outside-campaign` (422)
   */
  async page(request: FollowUpListRequest, limit: number, offset: number, caller: Caller): Promise<FollowUpPage> {
    const { filter, today } = await this.filterOf(request, caller);
    return this.deps.followUps.page(filter, today, limit, offset);
  }

  /**
   * The whole list as a file, checked before the first byte is sent.
   * @throws as {@link page}
   */
  async export(
    request: FollowUpListRequest,
    format: FollowUpExportFormat,
    caller: Caller,
  ): Promise<PreparedFollowUpExport> {
    const { filter, today } = await this.filterOf(request, caller);
    const names = FILE_NAMES[request.kind];
    const tail = `${request.campaignId}-${filter.unitCode}${request.status === undefined ? '' : `-${request.status}`}.${format}`;
    const columns = COLUMNS[request.kind];
    const rows = this.deps.followUps.all(filter, today);
    return {
      filename: `${names.zh}-${tail}`,
      asciiFilename: `${names.en}-${tail}`,
      contentType: CONTENT_TYPES[format],
      write: async (out) => {
        await writeWorkbook({ kind: format, stream: out }, [
          {
            name: names.en,
            header: columns.map(([header]) => header),
            rows: async function* () {
              for await (const row of rows) yield columns.map(([, cell]) => cell(row));
            },
          },
        ]);
      },
    };
  }

  private async filterOf(
    request: FollowUpListRequest,
    caller: Caller,
  ): Promise<{ filter: FollowUpFilter; today: IsoDate }> {
    const campaign = await this.deps.campaigns.get(request.campaignId);
    if (campaign === null) throw applicationError('campaign.not-found', 'campaignId');
    const unitCode = request.divisionCode ?? `${campaign.provinceCode}0000000000`;
    const area = listScope(caller, 'inspection.read', unitCode);
    if (!unitCode.startsWith(campaign.provinceCode))
      throw applicationError('progress.outside-campaign', 'divisionCode');
    const filter: FollowUpFilter = {
      campaignId: request.campaignId,
      kind: request.kind,
      unitCode,
      area,
      ...(request.status === undefined ? {} : { status: request.status }),
      ...(request.ruleId === undefined ? {} : { ruleId: request.ruleId }),
    };
    return { filter, today: this.deps.clock.dateAt(this.deps.clock.now()) };
  }
}

/** `attachment` with the file name in ASCII and in UTF-8 (RFC 6266). */
export function followUpDisposition(prepared: Pick<PreparedFollowUpExport, 'filename' | 'asciiFilename'>): string {
  const encoded = encodeURIComponent(prepared.filename).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${prepared.asciiFilename}"; filename*=UTF-8''${encoded}`;
}
