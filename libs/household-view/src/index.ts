export { factsOf, HOUSEHOLD_FACTS_INDEXES, unitCodesOf, type HouseholdFactsDocument } from './household-facts.document';
export { evolveHouseholdFacts } from './household-facts.evolve';
export {
  episodeFacts,
  evolveEpisodes,
  HOUSEHOLD_EPISODES_INDEXES,
  type EpisodeRecord,
  type HouseholdEpisodesDocument,
} from './household-episodes.evolve';
export {
  ensureHouseholdViewIndexes,
  householdViewCollections,
  type HouseholdViewCollections,
} from './household-view.collections';
export {
  HOUSEHOLD_FACTS_PAGE_SIZE,
  HouseholdFactsQueries,
  type FactsCondition,
  type HouseholdFactsPage,
} from './household-facts.queries';
export { policyInForce, type PolicyInForce } from './policy-in-force';
export {
  evolvePolicy,
  policyDocumentId,
  type KeyRegion,
  type LineVersion,
  type PolicyDocument,
} from './policy-view.evolve';
export { registryFactsEffects } from './registry-facts.effects';
export {
  CONSUMED_REGISTRY_TYPES,
  EPISODE_CONTRACTS,
  isEpisodeEvent,
  type EpisodeEvent,
  HOUSEHOLD_FACTS_CONTRACTS,
  isHouseholdFactsEvent,
  POLICY_CONTRACTS,
  registryFactsEventOf,
  type HouseholdFactsEvent,
  type PolicyEvent,
  type RegistryFactsEvent,
} from './registry-facts.events';
export { registryContractCheck, type ContractMismatch } from './registry-facts.validation';
export { registryFactsHandler, type RegistryFactsHandlerOptions, type SkippedEventLog } from './registry-facts.handler';
export {
  RESIDENT_HOUSEHOLD_INDEXES,
  residentHouseholdWrites,
  type ResidentHouseholdDocument,
} from './resident-households';
