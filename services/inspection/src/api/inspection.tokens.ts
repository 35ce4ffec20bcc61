/** Injection tokens of the inspection module. */
export const INSPECTION_CLOCK = Symbol.for('relapse-watch.inspection.clock');
