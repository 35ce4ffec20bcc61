/** Injection tokens of the inspection module. */
export const INSPECTION_CLOCK = Symbol.for('relapse-watch.inspection.clock');
export const CAMPAIGN_COMMANDS = Symbol.for('relapse-watch.inspection.campaign-commands');
export const TEAM_COMMANDS = Symbol.for('relapse-watch.inspection.team-commands');
export const INSPECTION_QUERIES = Symbol.for('relapse-watch.inspection.queries');
export const TEAM_LIST_RUNNER = Symbol.for('relapse-watch.inspection.team-list-runner');

/** The {@link HouseholdFactsQueries}: the inspection's own view of households and of the province's policy. */
export const HOUSEHOLD_FACTS_QUERIES = Symbol.for('relapse-watch.inspection.household-facts-queries');
