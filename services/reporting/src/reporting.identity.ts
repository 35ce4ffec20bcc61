import { join } from 'node:path';
import { readServiceIdentity, type ServiceIdentity } from '@relapse-watch/service-runtime';

/** The reporting service's name and version, from its package.json (one folder up from src/ and dist/ alike). */
export function reportingIdentity(): ServiceIdentity {
  return readServiceIdentity(join(__dirname, '..', 'package.json'));
}
