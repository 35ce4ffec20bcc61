export * from './counters';
export * from './household-report';
export * from './household-contribution';
export * from './report-event';
export * from './reporting-context';
export * from './reporting-fold';
export * from './reporting-state';
export * from './tier-report/tier-report';
export type { CampaignProgress } from './tier-report/tier-report.parts';
