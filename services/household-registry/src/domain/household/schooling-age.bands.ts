import type { SchoolingStage } from './member.values';

/**
 * Ages (completed years, inclusive) at which a schooling stage is plausible; outside the band
 * the record is worth a second look (DOMAIN.md "Data quality rules": age agrees with schooling
 * stage). Tolerant on purpose: the nominal ages (kindergarten 3–5, primary 6–11, junior secondary
 * 12–14, senior secondary 15–17, college from 18) stretch for late entry, repeated years and
 * rural schools, and adults study in vocational and higher education, so those have no upper
 * bound. A 40-year-old in primary school or a 3-year-old in junior secondary is outside; a
 * 16-year-old in primary school is not. `dropped-out` is a school-age notion (6–20);
 * `not-in-school` fits any age (the compulsory-education rule watches 6–15 on its own).
 */
export const SCHOOLING_AGE_BANDS: Readonly<Record<SchoolingStage, readonly [min: number, max: number]>> = {
  'pre-school': [2, 7],
  primary: [5, 16],
  'junior-secondary': [10, 19],
  'senior-secondary': [13, 22],
  'secondary-vocational': [13, 25],
  'higher-vocational': [15, Infinity],
  'undergraduate-or-above': [15, Infinity],
  'dropped-out': [6, 20],
  'not-in-school': [0, Infinity],
};

/** Compulsory education covers ages 6 to 15 (义务教育, DOMAIN.md "3+1"). */
export const COMPULSORY_SCHOOL_AGES: readonly [min: number, max: number] = [6, 15];

/** Whether a member of this age plausibly is at this stage. */
export function schoolingFitsAge(stage: SchoolingStage, age: number): boolean {
  const [min, max] = SCHOOLING_AGE_BANDS[stage];
  return age >= min && age <= max;
}
