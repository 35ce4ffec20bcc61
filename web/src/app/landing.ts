import { primeGet } from '../api/client';
import { divisionPath } from '../api/registry';
import { unitReportPath } from '../api/reporting';
import { homeReportUnit } from '../auth/area';
import type { SignedInUser } from '../auth/claims';
import { reportYearOf } from '../pages/reports/report-year';

/**
 * The requests the landing page will make, when `destination` is the campaign overview: its
 * unit's reports and name. Null for any other page. Pure: the overview asks for exactly these
 * paths (the same `?unit=` and `?year=` reading).
 */
export function landingRequests(user: SignedInUser, destination: string): readonly string[] | null {
  const url = new URL(destination, 'http://app.invalid');
  if (url.pathname !== '/' && url.pathname !== '/overview') return null;
  const unitCode = url.searchParams.get('unit') ?? homeReportUnit(user);
  return [unitReportPath(unitCode, reportYearOf(url.searchParams.get('year'))), divisionPath(unitCode)];
}

/** Starts the landing page's requests as soon as the user is signed in, before its code has run. */
export function primeLanding(user: SignedInUser | undefined, destination: string): void {
  if (user === undefined) return;
  for (const path of landingRequests(user, destination) ?? []) primeGet(path);
}
