export type { IntegrationEvent } from './integration-event';
export * from './monitoring-case.translation';
export * from './assistance-plan.translation';
