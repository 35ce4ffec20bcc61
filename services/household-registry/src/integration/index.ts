export type { IntegrationEvent, RegistryIntegrationEvent } from './integration-event';
export { translateHouseholdEvent } from './household.translation';
export { translateProvincePolicyEvent } from './province-policy.translation';
