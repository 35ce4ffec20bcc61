/** Injection tokens of the registry module. */
export const REGISTRY_COMMANDS = Symbol.for('relapse-watch.registry.commands');
export const REGISTRY_REFERENCE = Symbol.for('relapse-watch.registry.reference');
export const HOUSEHOLD_QUERIES = Symbol.for('relapse-watch.registry.household-queries');
export const HOUSEHOLD_REGISTER_RUNNER = Symbol.for('relapse-watch.registry.household-register-runner');
export const REGISTRY_QUERIES = Symbol.for('relapse-watch.registry.queries');
export const REGISTRY_CLOCK = Symbol.for('relapse-watch.registry.clock');
export const PERSONAL_DATA_QUERIES = Symbol.for('relapse-watch.registry.personal-data-queries');
export const HOUSEHOLD_AUDIT_TRAIL = Symbol.for('relapse-watch.registry.household-audit-trail');
