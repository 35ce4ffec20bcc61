import { join } from 'node:path';
import { readServiceIdentity, type ServiceIdentity } from '@relapse-watch/service-runtime';

/** The assistance service's name and version, from its package.json (one folder up from src/ and dist/ alike). */
export function assistanceIdentity(): ServiceIdentity {
  return readServiceIdentity(join(__dirname, '..', 'package.json'));
}
