// Plain-Node entry of @relapse-watch/testing: the build when there is one, else the TypeScript
// source. Jest loads a project's `globalSetup` file with plain Node resolution (the
// "@relapse-watch/source" condition applies only inside test files), but with its TypeScript
// transform hooked into require — so `import { jestGlobalSetup } from '@relapse-watch/testing'`
// in a global setup works in a tree that was never built.
const fs = require('node:fs');
const path = require('node:path');

const built = path.join(__dirname, 'dist', 'index.js');
module.exports = require(fs.existsSync(built) ? built : './src/index.ts');
