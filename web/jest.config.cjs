// Unit specs of the app's pure modules and the browser specs (e2e/), which start the embedded
// process once and drive Debian's chromium with playwright-core.
const preset = require('../jest.preset.cjs')(__dirname);

module.exports = {
  ...preset,
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/e2e/**/*.browser-spec.ts'],
  testTimeout: 180_000,
};
