export { InspectionModule } from './api/inspection.module';
export { inspectionIdentity } from './inspection.identity';
export { loadInspectionConfig, type InspectionConfig } from './config/inspection.config';
export { CampaignCommands } from './application/campaign-commands';
export type { CampaignRuleCatalogue } from './application/campaign-rule-catalogue';
export type { CampaignPolicySource, PolicyInForce } from './application/campaign-policy-source';
export { OPERATOR as INSPECTION_OPERATOR } from './application/inspection-caller';
export { CAMPAIGN_COMMANDS, TEAM_COMMANDS } from './api/inspection.tokens';
export type { TeamCommands } from './application/team-commands';
