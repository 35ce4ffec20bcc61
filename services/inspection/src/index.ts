export { InspectionModule } from './api/inspection.module';
export { inspectionIdentity } from './inspection.identity';
export { loadInspectionConfig, type InspectionConfig } from './config/inspection.config';
export type { InspectionSources } from './api/inspection.module';
export type { CampaignFacts, CampaignView, HouseholdFactsSource } from './application/household-inspection.ports';
export { CampaignCommands } from './application/campaign-commands';
export type { CampaignRuleCatalogue } from './application/campaign-rule-catalogue';
export type { CampaignPolicySource, PolicyInForce } from './application/campaign-policy-source';
export { OPERATOR as INSPECTION_OPERATOR } from '@relapse-watch/access';
export {
  CAMPAIGN_COMMANDS,
  TEAM_COMMANDS,
  HOUSEHOLD_INSPECTION_COMMANDS,
  HOUSEHOLD_FACTS_QUERIES,
} from './api/inspection.tokens';
export type { HouseholdInspectionCommands, InspectionResult } from './application/household-inspection.commands';
export { campaignIdOf } from './domain/campaign/campaign.values';
export type { TeamCommands } from './application/team-commands';
