export * from './roles';
export * from './permissions';
export * from './principal';
export * from './area';
export * from './authorize';
export * from './caller';
