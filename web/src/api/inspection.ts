import { ApiFailure } from './api-error';
import { apiDownload, apiGet, apiSend } from './client';

/** A list's file as downloaded, with the name to save it under. */
export interface DownloadedFile {
  readonly blob: Blob;
  readonly filename: string;
}

/** A campaign as `GET /api/inspection/campaigns/{campaignId}` answers (the fields the lists read). */
export interface CampaignSummary {
  readonly campaignId: string;
  readonly provinceCode: string;
  readonly year: number;
  readonly inspectBy: string;
  readonly status: 'open' | 'closed';
}

/** A data-quality issue or a rectification item, as the lists answer. */
export type FollowUpKind = 'data-quality' | 'rectification';

export interface FollowUpRow {
  readonly kind: FollowUpKind;
  readonly id: string;
  readonly campaignId: string;
  readonly householdId: string;
  readonly villageCode: string;
  readonly ruleId: string;
  readonly rule: string | null;
  readonly field: string | null;
  readonly area: string | null;
  readonly ownerUnit: string | null;
  readonly dueOn: string | null;
  readonly openedOn: string;
  readonly status: 'open' | 'closed';
  readonly closedOn: string | null;
  readonly resolution: string | null;
  readonly daysOpen: number;
  readonly overdue: boolean;
}

export interface FollowUpPage {
  readonly total: number;
  readonly items: readonly FollowUpRow[];
}

/** The filters of a list, as the API names them. */
export interface FollowUpQuery {
  readonly campaignId: string;
  readonly divisionCode: string;
  readonly status?: 'open' | 'closed';
  readonly ruleId?: string;
}

/** The first year with a shipped rule set: no campaign can be older. */
export const FIRST_CAMPAIGN_YEAR = 2024;

const LIST_PATHS: Readonly<Record<FollowUpKind, string>> = {
  'data-quality': 'data-quality-issues',
  rectification: 'rectification-items',
};

/** The list's path and query string; `extra` adds paging or the export's format. */
export function followUpPath(
  kind: FollowUpKind,
  query: FollowUpQuery,
  extra: Readonly<Record<string, string>>,
  exported = false,
): string {
  const params = new URLSearchParams({ divisionCode: query.divisionCode });
  if (query.status !== undefined) params.set('status', query.status);
  if (query.ruleId !== undefined) params.set('ruleId', query.ruleId);
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  const campaign = encodeURIComponent(query.campaignId);
  return `/api/inspection/campaigns/${campaign}/${LIST_PATHS[kind]}${exported ? '/export' : ''}?${params.toString()}`;
}

/** The years whose campaign a user of `unitCode`'s province might read, newest first. */
export function campaignYears(today: Date): number[] {
  const years: number[] = [];
  for (let year = today.getFullYear(); year >= FIRST_CAMPAIGN_YEAR; year--) years.push(year);
  return years;
}

/** The inspection's reads and decisions the lists use. */
export const inspectionApi = {
  /**
   * The campaigns of the user's province (one per year, `<province>-<year>`), newest first:
   * each year's campaign is asked for, a 404 meaning that year has none.
   */
  async campaigns(unitCode: string, signal?: AbortSignal): Promise<CampaignSummary[]> {
    const province = unitCode.slice(0, 2);
    const found = await Promise.all(
      campaignYears(new Date()).map((year) =>
        apiGet<CampaignSummary>(`/api/inspection/campaigns/${province}-${year}`, signal).catch((error: unknown) => {
          if (error instanceof ApiFailure && error.status === 404) return null;
          throw error;
        }),
      ),
    );
    return found.filter((c): c is CampaignSummary => c !== null);
  },
  /** A page of a list; after a decision, `minPosition` waits until the list holds it (read your writes). */
  list: (
    kind: FollowUpKind,
    query: FollowUpQuery,
    page: { readonly limit: number; readonly offset: number; readonly minPosition?: number },
    signal?: AbortSignal,
  ) =>
    apiGet<FollowUpPage>(
      followUpPath(kind, query, { limit: String(page.limit), offset: String(page.offset) }),
      signal,
      page.minPosition === undefined ? undefined : { 'x-min-position': String(page.minPosition) },
    ),
  download: (kind: FollowUpKind, query: FollowUpQuery, format: 'csv' | 'xlsx'): Promise<DownloadedFile> =>
    apiDownload(followUpPath(kind, query, { format }, true)).then(({ blob, fileName }) => ({
      blob,
      filename: fileName ?? `${LIST_PATHS[kind]}.${format}`,
    })),
  /** Resolves an issue or closes an item with what was done. */
  close: (row: FollowUpRow, resolution: string) =>
    apiSend<{ position: number }>(
      'POST',
      `/api/inspection/campaigns/${encodeURIComponent(row.campaignId)}/households/${encodeURIComponent(row.householdId)}/${
        LIST_PATHS[row.kind]
      }/${encodeURIComponent(row.id)}/${row.kind === 'data-quality' ? 'resolution' : 'closure'}`,
      { resolution },
    ),
};
