import { runService } from '@relapse-watch/service-runtime';
import { RegistryModule } from './api/registry.module';
import { registryIdentity } from './registry.identity';

void runService({ appModule: RegistryModule, identity: registryIdentity() });
