export * from './kafka-bus';
export * from './kafka-url';
export * from './kafka-logger';
export * from './platformatic';
