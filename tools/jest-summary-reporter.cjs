// Writes one small JSON file per Jest run so tools/run-tests.mjs can print the
// plain `N passed, N failed` line that CI reads, summed over every project.
const fs = require('node:fs');
const path = require('node:path');

class SummaryReporter {
  constructor(globalConfig) {
    this.globalConfig = globalConfig;
  }
  onRunComplete(_contexts, results) {
    const dir = path.join(__dirname, '..', 'reports', 'jest');
    fs.mkdirSync(dir, { recursive: true });
    const name = path.basename(this.globalConfig.rootDir) + '-' + process.pid;
    const failedSuites = results.testResults.filter((r) => r.testExecError || r.failureMessage).length;
    fs.writeFileSync(
      path.join(dir, `${name}.json`),
      JSON.stringify({
        rootDir: this.globalConfig.rootDir,
        passed: results.numPassedTests,
        failed: results.numFailedTests,
        skipped: results.numPendingTests + results.numTodoTests,
        failedSuites: results.numRuntimeErrorTestSuites,
        suitesWithFailures: failedSuites,
      }),
    );
  }
}
module.exports = SummaryReporter;
