/**
 * The assistance service: monitoring cases from lead to identification, assistance measures, risk
 * elimination and follow-up (issue 12). Its deciders live under `domain/`.
 */
export const ASSISTANCE_CONTEXT = 'assistance';
export * from './domain/monitoring-case';
export * from './integration';
