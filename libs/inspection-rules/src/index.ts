export * from './household-facts';
export * from './checklist';
export * from './findings';
export * from './suggestions';
