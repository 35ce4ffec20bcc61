export * from './embedded.module';
export * from './embedded.identity';
export * from './embedded.args';
