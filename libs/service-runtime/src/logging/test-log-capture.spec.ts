import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { testLogCaptureDir } from '../config/runtime.config';
import { createRuntimeLogger, REDACTION_CENSOR } from './runtime-logger.factory';

describe('test-only log capture (RELAPSE_WATCH_TEST_LOG_DIR)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rw-log-capture-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is off unless the variable names a folder', () => {
    expect(testLogCaptureDir({})).toBeUndefined();
    expect(testLogCaptureDir({ RELAPSE_WATCH_TEST_LOG_DIR: ' ' })).toBeUndefined();
    expect(testLogCaptureDir({ RELAPSE_WATCH_TEST_LOG_DIR: '/tmp/rw-logs' })).toBe('/tmp/rw-logs');
  });

  it('copies every line, as redacted, into a file of the folder besides writing it to the destination', () => {
    const folder = join(dir, 'nested', 'logs');
    const lines: string[] = [];
    const logger = createRuntimeLogger(
      'capture-spec',
      'info',
      { write: (line: string) => void lines.push(line) },
      folder,
    );
    logger.info({ resident: { idNumber: 'SECRET-ID' } }, 'first line');
    logger.warn('second line');
    logger.debug('below the level: written nowhere');
    const files = readdirSync(folder);
    expect(files).toEqual([`process-${process.pid}.log`]);
    const captured = readFileSync(join(folder, files[0]), 'utf8').trimEnd().split('\n');
    expect(captured).toEqual(lines.map((line) => line.trimEnd()));
    expect(captured).toHaveLength(2);
    expect(captured[0]).toContain(REDACTION_CENSOR);
    expect(captured.join('\n')).not.toContain('SECRET-ID');
  });
});
