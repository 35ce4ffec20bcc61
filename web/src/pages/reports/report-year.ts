/** The first year the reports offer (the targeted poverty alleviation's registration). */
export const EARLIEST_REPORT_YEAR = 2014;

/** The report year `?year=` names, when it is one the reports have; else undefined (the server's "this year"). */
export function reportYearOf(value: string | null, today = new Date()): number | undefined {
  const year = Number(value);
  return value !== null && Number.isInteger(year) && year >= EARLIEST_REPORT_YEAR && year <= today.getFullYear() + 1
    ? year
    : undefined;
}
