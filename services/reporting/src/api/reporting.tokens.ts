/** The reporting's inbox log (an EventStore of its own). */
export const REPORTING_INBOX = Symbol.for('relapse-watch.reporting.inbox');
/** The live generation's projector. */
export const TIER_SUMMARY_PROJECTOR = Symbol.for('relapse-watch.reporting.tier-summary-projector');
/** The report queries. */
export const REPORT_QUERIES = Symbol.for('relapse-watch.reporting.report-queries');
/** The reporting's clock. */
export const REPORTING_CLOCK = Symbol.for('relapse-watch.reporting.clock');
/** The live generation of the read models. */
export const REPORTING_GENERATION = Symbol.for('relapse-watch.reporting.generation');
/** The drill-down rows. */
export const UNIT_ROW_QUERIES = Symbol.for('relapse-watch.reporting.unit-row-queries');
/** The exports. */
export const REPORT_EXPORTS = Symbol.for('relapse-watch.reporting.report-exports');
/** What the rows and the exports read. */
export const UNIT_LISTING_DEPS = Symbol.for('relapse-watch.reporting.unit-listing-deps');
