import { refreshSession } from '../auth/session';
import { ApiFailure, failureOf } from './api-error';
import { apiGet, send } from './client';

// The writes and downloads live here, in the lists' lazy chunk, not in the first route's client.

/** POSTs JSON (the token renewed once on a 401); the server's refusal is an {@link ApiFailure}. */
async function apiPost<T>(path: string, body: unknown): Promise<T> {
  const post = () => send(path, undefined, { method: 'POST', body: JSON.stringify(body) });
  let response = await post();
  if (response.status === 401 && (await refreshSession())) response = await post();
  if (!response.ok) throw await failureOf(response);
  return (await response.json()) as T;
}

/** A file the API answered with, and the name its `Content-Disposition` gives it. */
export interface DownloadedFile {
  readonly blob: Blob;
  readonly filename: string;
}

/** GETs a file (an export). */
async function apiDownload(path: string, fallbackName: string): Promise<DownloadedFile> {
  const get = () => send(path, undefined, { accept: '*/*' });
  let response = await get();
  if (response.status === 401 && (await refreshSession())) response = await get();
  if (!response.ok) throw await failureOf(response);
  return {
    blob: await response.blob(),
    filename: filenameOf(response.headers.get('content-disposition')) ?? fallbackName,
  };
}

/** The UTF-8 `filename*` of a Content-Disposition, else its plain `filename`. */
export function filenameOf(disposition: string | null): string | null {
  if (disposition === null) return null;
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (encoded) {
    try {
      return decodeURIComponent(encoded[1]!);
    } catch {
      // fall through to the plain name
    }
  }
  return /filename="([^"]+)"/i.exec(disposition)?.[1] ?? null;
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
    apiDownload(followUpPath(kind, query, { format }, true), `${LIST_PATHS[kind]}.${format}`),
  /** Resolves an issue or closes an item with what was done. */
  close: (row: FollowUpRow, resolution: string) =>
    apiPost<{ position: number }>(
      `/api/inspection/campaigns/${encodeURIComponent(row.campaignId)}/households/${encodeURIComponent(row.householdId)}/${
        LIST_PATHS[row.kind]
      }/${encodeURIComponent(row.id)}/${row.kind === 'data-quality' ? 'resolution' : 'closure'}`,
      { resolution },
    ),
};
