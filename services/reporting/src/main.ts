import { runService } from '@relapse-watch/service-runtime';
import { ReportingModule } from './api/reporting.module';
import { reportingIdentity } from './reporting.identity';

void runService({ appModule: ReportingModule, identity: reportingIdentity() });
