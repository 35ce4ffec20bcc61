export * from './key-store.conformance';
