/** Injection tokens of the inspection module. */
export const INSPECTION_CLOCK = Symbol.for('relapse-watch.inspection.clock');

/** The {@link HouseholdFactsQueries}: the inspection's own view of households and of the province's policy. */
export const HOUSEHOLD_FACTS_QUERIES = Symbol.for('relapse-watch.inspection.household-facts-queries');
