export * from './event-store.conformance';
export * from './fixtures';
export { take } from './subscription.conformance';
export * from './store-format.conformance';
export * from './decider-specification';
export * from './log-seals.conformance';
export * from './log-rows.conformance';
