import type { Writable } from 'node:stream';
import type { Caller } from '@relapse-watch/access';
import type { DivisionTier } from '@relapse-watch/domain-kernel';
import { writeWorkbook, type SheetCell, type WorkbookSheet } from '@relapse-watch/sheet-io';
import { REPORT_NAMES, REPORT_TITLES, reportColumns, type ReportName } from '../export/report-columns';
import { TIER_NAMES } from '../export/report-labels';
import { checkReportRequest } from './report-request.check';
import { UnitListing, type ListedUnit, type UnitListingDeps } from './unit-listing';

/** The formats of an export. */
export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** What an export is asked for. */
export interface ReportExportRequest {
  readonly unitCode: string;
  readonly format: ExportFormat;
  /** One report, or `all` (XLSX: a worksheet each; CSV: every report's columns side by side). */
  readonly report: ReportName | 'all';
  readonly tier?: DivisionTier;
  readonly year?: number;
}

/** An export checked and ready: what the response announces, and the writer of its body. */
export interface PreparedExport {
  /** The file name officials see, e.g. `平昌县-排查进度-2024.xlsx`. */
  readonly filename: string;
  /** An ASCII file name for clients without RFC 5987, e.g. `511923000000-campaign-2024.xlsx`. */
  readonly asciiFilename: string;
  readonly contentType: string;
  /** Writes the file to `out`, page by page as the store is read, and ends it. */
  write(out: Writable): Promise<void>;
}

export const CONTENT_TYPES: Readonly<Record<ExportFormat, string>> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** Units read per store page while exporting. */
export const EXPORT_PAGE = 500;

const LEADING = ['区划代码 / Code', '名称 / Name', '层级 / Tier'];
const leadingCells = (unit: ListedUnit): SheetCell[] => [unit.unitCode, unit.name, TIER_NAMES[unit.report.tier]];

/**
 * The exports: one row per unit of a tier under a unit, after a first row for the unit itself
 * (the total), with division names and `中文 / English` headers, as CSV or XLSX. Checked before
 * the first byte (so a refusal is a 4xx, never a half-written file); then the store is read a
 * page at a time while the file is written, so a province's 35,000 villages are never held at once.
 */
export class ReportExports {
  constructor(
    private readonly deps: UnitListingDeps,
    /** Told after each page read (the streaming spec's witness). */
    private readonly onPage?: (offset: number, units: number) => void,
  ) {}

  /** Checks the request and opens the listing. @throws DomainError `access.*`, `report.*` */
  async prepare(caller: Caller, request: ReportExportRequest): Promise<PreparedExport> {
    checkReportRequest(caller, request, this.deps.clock);
    const listing = await UnitListing.open(this.deps, request);
    const self = await listing.self();
    const reports: readonly ReportName[] = request.report === 'all' ? REPORT_NAMES : [request.report];
    const year = listing.context.year;
    const title = request.report === 'all' ? '全部报表' : REPORT_TITLES[request.report][0];
    const tierZh = TIER_NAMES[listing.tier].split(' / ')[0];
    return {
      filename: `${self.name}-${tierZh}-${title}-${year}.${request.format}`,
      asciiFilename: `${self.unitCode}-${listing.tier}-${request.report}-${year}.${request.format}`,
      contentType: CONTENT_TYPES[request.format],
      write: async (out) => {
        await writeWorkbook({ kind: request.format, stream: out }, this.sheets(listing, self, reports, request.format));
      },
    };
  }

  private sheets(
    listing: UnitListing,
    self: ListedUnit,
    reports: readonly ReportName[],
    format: ExportFormat,
  ): WorkbookSheet[] {
    const columnsOf = (names: readonly ReportName[]) =>
      names.flatMap((name) => reportColumns(name, self.report).map((column) => ({ name, column })));
    const sheet = (name: string, names: readonly ReportName[]): WorkbookSheet => {
      const columns = columnsOf(names);
      // With every report side by side (CSV), each header says which report it belongs to.
      const header = columns.map(({ name: report, column }) =>
        names.length === 1 ? column.header : `${REPORT_TITLES[report][0]}：${column.header}`,
      );
      const row = (unit: ListedUnit) => [
        ...leadingCells(unit),
        ...columns.map(({ column }) => column.value(unit.report)),
      ];
      const onPage = this.onPage;
      return {
        name,
        header: [...LEADING, ...header],
        rows: async function* () {
          yield row(self);
          for await (const unit of listing.all(EXPORT_PAGE, onPage)) yield row(unit);
        },
      };
    };
    if (format === 'csv') return [sheet('report', reports)];
    return reports.map((name) => sheet(REPORT_TITLES[name][0], [name]));
  }
}

/** `Content-Disposition` with the Chinese file name (RFC 6266 / RFC 5987) and an ASCII fallback. */
export function contentDisposition(prepared: Pick<PreparedExport, 'filename' | 'asciiFilename'>): string {
  const encoded = encodeURIComponent(prepared.filename).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${prepared.asciiFilename}"; filename*=UTF-8''${encoded}`;
}
