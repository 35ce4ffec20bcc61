export * from './key-store.port';
export * from './errors';
export * from './master-keyring';
export * from './personal-data-vault';
export * from './key-store.input';
export * from './key-record-row';
export * from './personal-data-event-store';
