/**
 * The assistance service (issue 12): monitoring cases from lead to identification, assistance
 * plans, risk elimination, follow-up and relapse. `AssistanceModule` is what the embedded process
 * composes and what its own process runs (`main.ts`).
 */
export const ASSISTANCE_CONTEXT = 'assistance';
export { AssistanceModule } from './api/assistance.module';
export * from './domain/monitoring-case';
export * from './integration';
export { EMBEDDED_RESIDENT_ID_SALT } from './config/assistance.config';
export { CASE_COMMANDS, CASE_LIST_QUERIES, DEADLINE_WATCHER } from './api/assistance.tokens';
export type { DeadlineWatcher } from './application/deadline-watcher';
export type { CaseCommands } from './application/case-commands';
export type { CaseListQueries } from './read-model/case-list/case-list.queries';
export type { CaseListDocument } from './read-model/case-list/case-list.document';
export { generateCaseload, type GeneratedCase } from './generator/caseload.generator';
export { writeCaseloadSheet } from './generator/caseload-sheet.writer';
export { householdKeysOf } from './generator/household-sheet.keys';
export { importCaseloadSheet, type CaseloadSheetImportResult } from './import/caseload-sheet.import';
