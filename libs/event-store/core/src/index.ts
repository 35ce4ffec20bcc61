export * from './types';
export * from './event-store.port';
export * from './errors';
export * from './prepare-append';
export * from './event-hash';
export * from './event-ids';
export * from './decider';
export * from './catch-up-subscription';
