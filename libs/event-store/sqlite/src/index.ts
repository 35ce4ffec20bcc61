export * from './sqlite-event-store';
export * from './sqlite-checkpoint-store';
