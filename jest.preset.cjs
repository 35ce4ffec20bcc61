// Shared Jest configuration: every project's jest.config.cjs calls this with its own directory.
// swc keeps decorator metadata (NestJS's ValidationPipe needs it); it does not type-check,
// which is what each project's `typecheck` target is for.
const path = require('node:path');

module.exports = function jestConfig(projectDir, overrides = {}) {
  const name = require(path.join(projectDir, 'package.json')).name;
  return {
    displayName: name,
    rootDir: projectDir,
    testEnvironment: 'node',
    testEnvironmentOptions: { customExportConditions: ['@relapse-watch/source', 'node', 'require', 'default'] },
    testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/**/*.e2e-spec.ts'],
    testPathIgnorePatterns: ['/node_modules/', '/dist/'],
    transform: {
      '^.+\\.ts$': [
        '@swc/jest',
        {
          jsc: {
            parser: { syntax: 'typescript', decorators: true },
            transform: { legacyDecorator: true, decoratorMetadata: true },
            target: 'es2023',
          },
          module: { type: 'commonjs' },
          sourceMaps: 'inline',
        },
      ],
      // @platformatic/kafka (and scule, which it imports) ship only ES modules: swc turns them into CommonJS for Jest.
      '^.+\\.(js|mjs)$': ['@swc/jest', { module: { type: 'commonjs' }, jsc: { target: 'es2023' } }],
    },
    transformIgnorePatterns: ['/node_modules/(?!(@platformatic|scule)/)'],
    moduleFileExtensions: ['ts', 'js', 'json'],
    maxWorkers: 1,
    testTimeout: 60_000,
    reporters: ['default', path.join(__dirname, 'tools/jest-summary-reporter.cjs')],
    ...overrides,
  };
};
