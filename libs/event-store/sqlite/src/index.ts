export * from './sqlite-event-store';
export * from './sqlite-checkpoint-store';
export { EventStorageFailure } from './append-writer.client';
