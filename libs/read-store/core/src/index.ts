export * from './errors';
export * from './read-store.types';
export * from './read-store.port';
export * from './json-data.validation';
export * from './read-store.validation';
export * from './processed-message-store';
export * from './projection';
export * from './projection-runner';
