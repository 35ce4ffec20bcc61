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
