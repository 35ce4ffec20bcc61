export { InspectionModule } from './api/inspection.module';
export { inspectionIdentity } from './inspection.identity';
export { loadInspectionConfig, type InspectionConfig } from './config/inspection.config';
export type { InspectionSources } from './api/inspection.module';
export type { CampaignFacts, CampaignView, HouseholdFactsSource } from './application/household-inspection.ports';
