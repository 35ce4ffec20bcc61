export * from './key-store.conformance';
export * from './personal-data-event-store.cases';
