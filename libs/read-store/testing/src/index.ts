export * from './read-store.conformance';
export * from './fixtures';
