export { InspectionModule } from './api/inspection.module';
export { inspectionIdentity } from './inspection.identity';
export { loadInspectionConfig, type InspectionConfig } from './config/inspection.config';
