/**
 * Whether a village-tier unit is an urban residents' committee (居民委员会, 居委会) rather than
 * a village committee (村民委员会, 村委会), from its name in the division table: the statistics
 * bureau names every unit after its committee (e.g. 水井坊社区居委会, 平桥社区村民委员会 — a rural
 * "community" is still a village committee). Undefined for a name that says neither, so no
 * warning rests on a guess.
 */
export function isUrbanResidentsCommittee(name: string): boolean | undefined {
  if (/(居委会|居民委员会)$/.test(name)) return true;
  if (/(村委会|村民委员会)$/.test(name)) return false;
  return undefined;
}
