export * from './services';
export * from './jest';
export * from './mongo-wire';
