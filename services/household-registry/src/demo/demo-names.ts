import { DivisionDirectory } from '../divisions/division-directory';
import { readDivisionExtract, shippedExtractPath } from '../divisions/division-extract.reader';
import { demoCountyHouseholds } from './demo-seed';

/**
 * Every resident name the demo county of a new installation holds (the shipped Sichuan extract,
 * the demo's fixed seed), sorted. `npm test` scans every log line of its run for them: the
 * demo's people stand for real residents, whose names must never reach a log.
 */
export async function demoResidentNames(): Promise<string[]> {
  const source = await readDivisionExtract(shippedExtractPath('51'));
  const directory = DivisionDirectory.fromRecords(source.edition, source.records);
  const names = new Set<string>();
  for (const household of demoCountyHouseholds(directory))
    for (const member of household.members) names.add(member.name);
  return [...names].sort();
}
