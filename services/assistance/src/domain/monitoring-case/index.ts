/** The monitoring case (one household episode from lead to identification, elimination and relapse): its decider, commands, events and state. */
export * from './monitoring-case.values';
export * from './monitoring-case.steps';
export * from './monitoring-case.commands';
export * from './monitoring-case.events';
export * from './monitoring-case-elimination.events';
export * from './monitoring-case-import.commands';
export * from './monitoring-case-import.events';
export * from './monitoring-case.state';
export { CASE_RULE_MESSAGES, type CaseRuleCode } from './monitoring-case.errors';
export * from './monitoring-case.decider';
