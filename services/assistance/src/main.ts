import { runService } from '@relapse-watch/service-runtime';
import { AssistanceModule } from './api/assistance.module';
import { assistanceIdentity } from './assistance.identity';

void runService({ appModule: AssistanceModule, identity: assistanceIdentity() });
