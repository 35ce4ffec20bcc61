/**
 * The environment a process spawned by a spec needs so that its log lines reach `npm test`'s
 * personal-data scan: `RELAPSE_WATCH_TEST_LOG_DIR` when the run set it, nothing otherwise.
 * Fixtures start processes with a minimal environment of their own; they add this to it.
 */
export function testLogCaptureEnv(): Record<string, string> {
  const dir = process.env['RELAPSE_WATCH_TEST_LOG_DIR'];
  return dir ? { RELAPSE_WATCH_TEST_LOG_DIR: dir } : {};
}
