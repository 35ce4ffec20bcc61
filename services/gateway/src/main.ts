import { runService } from '@relapse-watch/service-runtime';
import { AppModule } from './app.module';
import { gatewayIdentity } from './gateway.identity';

void runService({ appModule: AppModule, identity: gatewayIdentity() });
