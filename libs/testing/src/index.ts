export * from './services';
export * from './jest';
export * from './mongo-wire';
export * from './access-tokens';
