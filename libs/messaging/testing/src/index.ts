export * from './bus.conformance';
export * from './bus-test-helpers';
export * from './recording-bus';
