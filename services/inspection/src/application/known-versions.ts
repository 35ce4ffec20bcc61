/**
 * Whether a rule set version is one the rules library knows for the province and year. Until
 * `@relapse-watch/inspection-rules` publishes its rule sets (`ruleSetOf`), every well-formed
 * `<province>-<year>.<n>` of the campaign's province and year is taken as known.
 */
export function isKnownRuleSet(version: string, provinceCode: string, year: number): boolean {
  return typeof version === 'string' && new RegExp(`^${provinceCode}-${year}\\.[1-9]\\d{0,3}$`).test(version);
}

/** Whether a checklist version is known; until the rules library lists its checklists, every well-formed `YYYY.n`. */
export function isKnownChecklist(version: string): boolean {
  return typeof version === 'string' && /^\d{4}\.[1-9]\d{0,3}$/.test(version);
}
