import type { IsoDate } from '@relapse-watch/domain-kernel';

/**
 * A household's status (DOMAIN.md "Households and people"). `monitored` (监测户) is decided by
 * the identification procedure of the assistance context, never set directly in the registry.
 */
export type HouseholdStatus =
  | { readonly kind: 'ordinary' }
  | { readonly kind: 'poverty-alleviated'; readonly yearLeftPoverty: number }
  | { readonly kind: 'monitored' };

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

/** Kinds of risk event a household can report (issue 4). */
export type RiskEventKind = 'illness' | 'disaster' | 'accident' | 'unemployment' | 'farm-price-drop' | 'other';
