export { addAuditCommands } from './cli/audit-commands';
export type { AuditCliIo } from './cli/audit-cli.io';
export { TAMPERED_EXIT_CODE } from './cli/audit-verify.command';
export * from './seal/log-sealer';
export * from './verify/verify-log';
export * from './verify/log-verifier';
export * from './verify/verify-problem';
