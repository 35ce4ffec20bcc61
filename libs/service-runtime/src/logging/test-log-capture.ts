import { mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { DestinationStream } from 'pino';

// One file per process and folder, opened once: every logger of a Jest worker writes into it.
const openFiles = new Map<string, number>();

function captureFile(dir: string): number {
  let fd = openFiles.get(dir);
  if (fd === undefined) {
    mkdirSync(dir, { recursive: true });
    fd = openSync(join(dir, `process-${process.pid}.log`), 'a');
    openFiles.set(dir, fd);
  }
  return fd;
}

/**
 * Test-only (see `testLogCaptureDir`): `destination` plus a copy of every line in a file of the
 * capture folder, written synchronously so a crash loses nothing of what `npm test` scans for
 * personal data. The copy comes after redaction, i.e. it is exactly what the service logged.
 */
export function teeToCaptureFolder(destination: DestinationStream, dir: string): DestinationStream {
  const fd = captureFile(dir);
  const flushable = destination as DestinationStream & { flush?: (cb: (error?: Error) => void) => void };
  return {
    write(line: string) {
      writeSync(fd, line);
      return destination.write(line);
    },
    ...(typeof flushable.flush === 'function' ? { flush: (cb: (error?: Error) => void) => flushable.flush?.(cb) } : {}),
  } as DestinationStream;
}
