module.exports = require('../../jest.preset.cjs')(__dirname, { globalSetup: '<rootDir>/jest.global-setup.ts' });
