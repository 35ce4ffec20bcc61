export * from './access-token.codec';
export * from './access.decorators';
export * from './access.guard';
export * from './access-token.revocations';
