export * from './postgres-key-store';
