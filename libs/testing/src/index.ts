export * from './services';
export * from './jest';
export * from './mongo-wire';
export * from './access-tokens';
export * from './log-scan/log-capture.env';
export * from './log-scan/personal-data.scan';
export * from './test-clock';
