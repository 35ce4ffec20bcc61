/**
 * The day and hour the services' clocks start on in specs that run them (`CLOCK_START`): dated
 * scenarios, deadlines counted on the shipped working-day calendar (2024–2026) and "no step
 * after today" rules then give the same answers whatever day the suite runs.
 */
export const TEST_CLOCK_START = '2026-12-07T10:00:00+08:00';

/** The environment that starts a service's clock on {@link TEST_CLOCK_START}. */
export const TEST_CLOCK_ENV: Readonly<Record<string, string>> = { CLOCK_START: TEST_CLOCK_START };
