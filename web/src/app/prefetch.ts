import { primeGet } from '../api/client';
import { divisionPath } from '../api/registry';
import { unitReportPath } from '../api/reporting';
import { homeReportUnit } from '../auth/area';
import type { SignedInUser } from '../auth/claims';
import { reportYearOf } from '../pages/reports/report-year';

/**
 * Fetches the code of the pages a user meets right after signing in — the shell, the campaign
 * overview (the landing page) and its chart with ECharts — while the sign-in page waits for them
 * to type. Over a slow mobile link these are several round trips and ~200 kB that otherwise
 * start only after the click. Importing them only defines their components; a failure here is
 * left to the route's own loading, which shows its error state.
 */
export function prefetchAfterSignIn(): void {
  void Promise.all([
    import('../shell/Shell'),
    import('../pages/OverviewPage'),
    import('../charts/ProgressChart'),
  ]).catch(() => undefined);
}

/** Runs `task` once the browser is idle (or after `fallbackMs` where there is no idle callback). */
export function whenIdle(task: () => void, fallbackMs = 500): () => void {
  if (typeof window.requestIdleCallback === 'function') {
    const handle = window.requestIdleCallback(task);
    return () => window.cancelIdleCallback(handle);
  }
  const handle = window.setTimeout(task, fallbackMs);
  return () => window.clearTimeout(handle);
}

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
