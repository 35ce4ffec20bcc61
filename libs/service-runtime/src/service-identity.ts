import { readFileSync } from 'node:fs';

/** Injection token of the running service's {@link ServiceIdentity}. */
export const SERVICE_IDENTITY = Symbol.for('relapse-watch.service-identity');

/** Which service is running: its package name and version (OpenAPI, logs, system info). */
export interface ServiceIdentity {
  readonly name: string;
  readonly version: string;
}

/** Reads name and version from a service's package.json, so they are never restated in code. */
export function readServiceIdentity(packageJsonPath: string): ServiceIdentity {
  const pkg = JSON.parse(readFileSync(packageJsonPath, 'utf8')) as { name?: unknown; version?: unknown };
  if (typeof pkg.name !== 'string' || typeof pkg.version !== 'string') {
    throw new Error(`${packageJsonPath} has no name or version`);
  }
  return { name: pkg.name, version: pkg.version };
}
