/** Injection tokens of the assistance service's use cases and sources. */
export const ASSISTANCE_CLOCK = Symbol.for('relapse-watch.assistance.clock');
export const CASE_HOUSEHOLDS = Symbol.for('relapse-watch.assistance.case-households');
export const CASE_SCHEDULE = Symbol.for('relapse-watch.assistance.case-schedule');
export const CASE_COMMANDS = Symbol.for('relapse-watch.assistance.case-commands');
export const PLAN_COMMANDS = Symbol.for('relapse-watch.assistance.plan-commands');
export const CASE_LIST_QUERIES = Symbol.for('relapse-watch.assistance.case-list-queries');
export const CASE_LIST_RUNNER = Symbol.for('relapse-watch.assistance.case-list-runner');
export const DEADLINE_WATCHER = Symbol.for('relapse-watch.assistance.deadline-watcher');
export const CASE_POLICIES = Symbol.for('relapse-watch.assistance.case-policies');
export const CASE_QUERIES = Symbol.for('relapse-watch.assistance.case-queries');
export const WARNING_INTAKE = Symbol.for('relapse-watch.assistance.warning-intake');
export const HOUSEHOLD_AUDIT_TRAIL = Symbol.for('relapse-watch.assistance.household-audit-trail');
