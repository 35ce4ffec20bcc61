export * from './contract-validator';
export * from './asyncapi-check';
