import { runService } from '@relapse-watch/service-runtime';
import { InspectionModule } from './api/inspection.module';
import { inspectionIdentity } from './inspection.identity';

void runService({ appModule: InspectionModule, identity: inspectionIdentity() });
