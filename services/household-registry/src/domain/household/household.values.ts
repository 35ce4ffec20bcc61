import type { IsoDate } from '@relapse-watch/domain-kernel';

/**
 * A household's base status (DOMAIN.md "Households and people"): ordinary rural household
 * (一般农户) or poverty-alleviated (脱贫户) with the year it left poverty. Being a monitoring
 * subject (监测对象) is not a status: it is the overlay the assistance context's monitoring cases
 * own, and the base status stays underneath it.
 */
export type HouseholdStatus =
  { readonly kind: 'ordinary' } | { readonly kind: 'poverty-alleviated'; readonly yearLeftPoverty: number };

/** The years a household can have left poverty: the targeted poverty-alleviation campaign, 2014–2020. */
export const YEARS_LEFT_POVERTY = { first: 2014, last: 2020 } as const;

/** Flags that keep a household in scope whatever its status (DOMAIN.md). */
export interface HouseholdFlags {
  /** Moved to a centralized resettlement site (易地扶贫搬迁集中安置点). */
  readonly relocatedToResettlementSite: boolean;
  /** Household registration moved to urban hukou (农转非). */
  readonly urbanHukou: boolean;
}

/** The period an income or expenditure figure covers: a calendar year, or the 12 months ending on a date (e.g. an application's). */
export type ReportingPeriod =
  | { readonly kind: 'calendar-year'; readonly year: number }
  | { readonly kind: 'twelve-months'; readonly endingOn: IsoDate };

/** Housing safety grade of the dangerous-housing appraisal: A and B safe, C and D dangerous (DOMAIN.md "3+1"). */
export type HousingGrade = 'A' | 'B' | 'C' | 'D';

/** "Two no-worries, three guarantees" plus safe drinking water (两不愁三保障 + 饮水安全) as last assessed. */
export interface ThreePlusOneStatus {
  /** Food and clothing secured (不愁吃、不愁穿). */
  readonly foodAndClothingSecured: boolean;
  /** No child aged 6–15 out of school for lack of money (义务教育有保障). */
  readonly compulsoryEducationSecured: boolean;
  /** Every member in basic medical insurance, costs affordable (基本医疗有保障). */
  readonly medicalInsuranceCovered: boolean;
  readonly housingGrade: HousingGrade;
  readonly drinkingWaterSafe: boolean;
}
