// The household audit trail's shared shape, as `@relapse-watch/service-runtime/audit`: pure, so
// the command line and the reporting service merge the services' parts without loading NestJS.
export * from './audit-entry';
export * from './household-audit-source';
