// The runtime's configuration alone, as `@relapse-watch/service-runtime/config`: what a tool
// that reads the service's environment needs (the registry CLI), without NestJS and the
// drivers the package's main entry loads (about 120 MB of RSS).
export * from './config.errors';
export * from './runtime.config';
export * from './store-url.config';
export * from './access-token.config';
export * from './cors.config';
export * from './personal-data.config';
export * from '../personal-data/master-keys.file';
export * from './audit-seal.config';
export * from '../audit/audit-seal-keys.file';
