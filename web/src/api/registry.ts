import { apiGet } from './client';

/** A unit of the division tree, as `GET /api/registry/divisions/…` answers. */
export interface DivisionUnit {
  readonly code: string;
  readonly name: string;
  readonly tier: 'province' | 'city' | 'county' | 'township' | 'village';
  readonly parentCode: string | null;
}

/** A member as the household list and page show them (resident ID masked by the API). */
export interface MemberView {
  readonly memberId: string;
  readonly personal: { readonly name?: string; readonly residentId?: string; readonly erased?: boolean };
  readonly profile: {
    readonly relationToHead: string;
    readonly health: { readonly kind: string; readonly grade?: number };
    readonly labourCapacity: string;
    readonly employment: { readonly status: string; readonly place?: string; readonly stability?: string };
    readonly schooling: string;
    readonly medicalInsuranceEnrolled: boolean;
  };
}

/** An income period of a household: a calendar year or the 12 months to a date. */
export type IncomePeriod =
  | { readonly kind: 'calendar-year'; readonly year: number }
  | { readonly kind: 'twelve-months'; readonly endingOn: string };

/** A data-quality warning still open on a household. */
export interface OpenWarning {
  readonly rule: string;
  readonly field: string;
  /** `中文 / English`. */
  readonly message: string;
}

/** One household of the register's read model (the fields the dashboard reads). */
export interface HouseholdView {
  readonly household: {
    readonly householdId: string;
    readonly villageCode: string;
    readonly householdNumber: string;
    readonly status:
      { readonly kind: 'ordinary' } | { readonly kind: 'poverty-alleviated'; readonly yearLeftPoverty: number };
    readonly flags: { readonly relocatedToResettlementSite: boolean; readonly urbanHukou: boolean };
    readonly members: readonly MemberView[];
    readonly incomes: readonly {
      readonly period: IncomePeriod;
      readonly netIncomeFen: number;
      readonly divisorMembers: number;
      readonly perCapitaNetIncomeFen: number;
    }[];
    readonly threePlusOne?: {
      readonly foodAndClothingSecured: boolean;
      readonly compulsoryEducationSecured: boolean;
      readonly medicalInsuranceCovered: boolean;
      readonly housingGrade: string;
      readonly drinkingWaterSafe: boolean;
    };
  };
  readonly revision: number;
  readonly villageCode: string;
  readonly memberCount: number;
  readonly openWarnings: readonly OpenWarning[];
}

/** A page of the household list. */
export interface HouseholdPage {
  readonly total: number;
  readonly items: readonly HouseholdView[];
}

/** The household list's filters, as the API names them. */
export interface HouseholdQuery {
  readonly divisionCode: string;
  readonly status?: 'ordinary' | 'poverty-alleviated';
  readonly warning?: 'any';
  readonly limit: number;
  readonly offset: number;
}

/** The query string of {@link HouseholdQuery}. */
export function householdListPath(query: HouseholdQuery): string {
  const params = new URLSearchParams({ divisionCode: query.divisionCode });
  if (query.status !== undefined) params.set('status', query.status);
  if (query.warning !== undefined) params.set('warning', query.warning);
  params.set('limit', String(query.limit));
  params.set('offset', String(query.offset));
  return `/api/registry/households?${params.toString()}`;
}

// The division tree is reference data that changes with a new edition of the table at most:
// a name read once serves the whole session.
const divisionCache = new Map<string, Promise<DivisionUnit>>();

/** The units of `codes` by code, each read once per page load. */
export async function divisionsByCode(codes: readonly string[]): Promise<ReadonlyMap<string, DivisionUnit>> {
  const units = await Promise.all(
    [...new Set(codes)].map((code) => {
      let unit = divisionCache.get(code);
      if (unit === undefined) {
        unit = apiGet<DivisionUnit>(`/api/registry/divisions/${encodeURIComponent(code)}`);
        unit.catch(() => divisionCache.delete(code));
        divisionCache.set(code, unit);
      }
      return unit;
    }),
  );
  return new Map(units.map((unit) => [unit.code, unit]));
}

/** The path of one division unit. */
export const divisionPath = (code: string) => `/api/registry/divisions/${encodeURIComponent(code)}`;

/** The registry's reads the dashboard uses. */
export const registryApi = {
  households: (query: HouseholdQuery, signal?: AbortSignal) => apiGet<HouseholdPage>(householdListPath(query), signal),
  household: (householdId: string, signal?: AbortSignal) =>
    apiGet<HouseholdView>(`/api/registry/households/${encodeURIComponent(householdId)}`, signal),
  division: (code: string, signal?: AbortSignal) => apiGet<DivisionUnit>(divisionPath(code), signal),
  ancestors: (code: string, signal?: AbortSignal) =>
    apiGet<readonly DivisionUnit[]>(`${divisionPath(code)}/ancestors`, signal),
  children: (code: string, signal?: AbortSignal) =>
    apiGet<readonly DivisionUnit[]>(`${divisionPath(code)}/children`, signal),
};

/** Fen (1/100 yuan, how the register stores money) as yuan with two decimals and thousands separators. */
export function yuanOf(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const whole = Math.floor(Math.abs(fen) / 100);
  const cents = String(Math.abs(fen) % 100).padStart(2, '0');
  return `${sign}${whole.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${cents}`;
}
