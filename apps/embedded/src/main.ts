import { runService } from '@relapse-watch/service-runtime';
import { parseEmbeddedArgs } from './embedded.args';
import { embeddedIdentity } from './embedded.identity';
import { EmbeddedModule } from './embedded.module';

const parsed = parseEmbeddedArgs(process.argv.slice(2));
if ('error' in parsed) {
  process.stderr.write(`${parsed.error}\n`);
  process.exit(1);
}
void runService({ appModule: EmbeddedModule.forRoot(parsed.options), identity: embeddedIdentity() });
