export * from './identity.commands';
export * from './identity-cli-io';
