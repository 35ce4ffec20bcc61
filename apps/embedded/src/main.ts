import { runService } from '@relapse-watch/service-runtime';
import { EmbeddedModule } from './embedded.module';
import { embeddedIdentity } from './embedded.identity';

void runService({ appModule: EmbeddedModule, identity: embeddedIdentity() });
