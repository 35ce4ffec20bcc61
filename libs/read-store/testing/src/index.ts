export * from './read-store.conformance';
export * from './fixtures';
export * from './projection.fixtures';
export * from './projection-runner.conformance';
export * from './json-text-writer.conformance';
