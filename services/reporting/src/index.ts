/**
 * The reporting service (issue 13): tier read models from every context's integration events,
 * as-of reports, and the operators' replay. `ReportingModule` is what the embedded process
 * composes and what its own process runs (`main.ts`).
 */
export const REPORTING_CONTEXT = 'reporting';
export { ReportingModule } from './api/reporting.module';
export * from './domain';
