/** Injection tokens of the inspection module. */
export const INSPECTION_CLOCK = Symbol.for('relapse-watch.inspection.clock');
export const HOUSEHOLD_INSPECTION_COMMANDS = Symbol.for('relapse-watch.inspection.household-inspection-commands');
/** The {@link VisitCheck} use case: a visit checked, nothing written. */
export const VISIT_CHECK = Symbol.for('relapse-watch.inspection.visit-check');
export const HOUSEHOLD_INSPECTION_QUERIES = Symbol.for('relapse-watch.inspection.household-inspection-queries');
/** The {@link CampaignFacts} port. */
export const CAMPAIGN_FACTS = Symbol.for('relapse-watch.inspection.campaign-facts');
/** The {@link HouseholdFactsSource} port. */
export const HOUSEHOLD_FACTS_SOURCE = Symbol.for('relapse-watch.inspection.household-facts-source');
/** The {@link InspectionRules} port. */
export const INSPECTION_RULES = Symbol.for('relapse-watch.inspection.rules');
/** The {@link FieldCorrections} use case. */
export const FIELD_CORRECTIONS = Symbol.for('relapse-watch.inspection.field-corrections');
/** The {@link RegistryCorrections} port: where corrections go (the registry's HTTP API). */
export const REGISTRY_CORRECTIONS = Symbol.for('relapse-watch.inspection.registry-corrections');
export const CAMPAIGN_COMMANDS = Symbol.for('relapse-watch.inspection.campaign-commands');
export const TEAM_COMMANDS = Symbol.for('relapse-watch.inspection.team-commands');
export const INSPECTION_QUERIES = Symbol.for('relapse-watch.inspection.queries');
export const TEAM_LIST_RUNNER = Symbol.for('relapse-watch.inspection.team-list-runner');

/** The {@link HouseholdFactsQueries}: the inspection's own view of households and of the province's policy. */
export const HOUSEHOLD_FACTS_QUERIES = Symbol.for('relapse-watch.inspection.household-facts-queries');

/** The household progress read model's runner, and the campaign progress use cases over it. */
export const HOUSEHOLD_PROGRESS_RUNNER = Symbol.for('relapse-watch.inspection.household-progress-runner');
export const CAMPAIGN_PROGRESS = Symbol.for('relapse-watch.inspection.campaign-progress');
export const KEY_GROUP_SELECTION = Symbol.for('relapse-watch.inspection.key-group-selection');
export const HOUSEHOLD_AUDIT_TRAIL = Symbol.for('relapse-watch.inspection.household-audit-trail');

/** The follow-up list (data-quality issues, rectification items): its runner and its use cases. */
export const FOLLOW_UPS_RUNNER = Symbol.for('relapse-watch.inspection.follow-ups-runner');
export const FOLLOW_UP_LISTS = Symbol.for('relapse-watch.inspection.follow-up-lists');
