export type { IntegrationEvent, RegistryIntegrationEvent } from './integration-event';
export { translateHouseholdEvent } from './household.translation';
export { translateProvincePolicyEvent } from './province-policy.translation';
export { personalDataPath, type PersonalDataReferences } from './household-members.translation';
