import type { IncomingMessage, ServerResponse } from 'node:http';
import { destination as pinoDestination, pino, stdTimeFunctions, type DestinationStream, type Logger } from 'pino';
import { pinoHttp, type HttpLogger } from 'pino-http';
import { testLogCaptureDir, type LogLevel } from '../config/runtime.config';
import { teeToCaptureFolder } from './test-log-capture';

/**
 * Log paths masked wherever they occur one level down (`*.x`) or at the top. Personal data of
 * residents — names, resident ID numbers, phones, addresses, bank accounts — must never reach
 * the logs (PIPL), and neither must credentials. Request bodies are not logged at all.
 */
export const REDACTED_LOG_PATHS: readonly string[] = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  ...[
    'name',
    'fullName',
    'idNumber',
    'residentId',
    'residentIdNumber',
    'phone',
    'mobile',
    'address',
    'bankAccount',
    'password',
    'token',
    'secret',
  ].flatMap((key) => [key, `*.${key}`]),
];

/** What replaces a redacted value. */
export const REDACTION_CENSOR = '[已脱敏 redacted]';

/**
 * The service's root logger: JSON lines with ISO time and a textual level. It writes
 * synchronously so the lines of a crash or a shutdown are on stdout before the process ends.
 * Under `npm test` (`captureDir` from `RELAPSE_WATCH_TEST_LOG_DIR`) every line is also copied
 * into that folder for the run's personal-data scan.
 */
export function createRuntimeLogger(
  service: string,
  level: LogLevel,
  destination?: DestinationStream,
  captureDir: string | undefined = testLogCaptureDir(),
): Logger {
  const out = destination ?? pinoDestination({ dest: 1, sync: true });
  return pino(
    {
      level,
      base: { service, pid: process.pid },
      timestamp: stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: [...REDACTED_LOG_PATHS], censor: REDACTION_CENSOR },
    },
    captureDir === undefined ? out : teeToCaptureFolder(out, captureDir),
  );
}

/** The path of a request URL without its query string, which may carry personal data. */
export function pathOf(url: string | undefined): string {
  const path = (url ?? '/').split('?')[0];
  return path.length > 300 ? `${path.slice(0, 300)}…` : path;
}

/**
 * pino-http middleware: one line per request with method, path (no query), status, duration
 * and `correlationId`; request logs made by handlers through `req.log` or nestjs-pino carry the
 * same `correlationId`. No headers and no body are logged.
 */
export function createHttpLogger(logger: Logger): HttpLogger {
  return pinoHttp({
    logger,
    quietReqLogger: true,
    customAttributeKeys: { reqId: 'correlationId' },
    genReqId: (req) => req.id,
    serializers: {
      req: (req: { method?: string; url?: string }) => ({ method: req.method, path: pathOf(req.url) }),
      res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
    },
    customLogLevel: (_req: IncomingMessage, res: ServerResponse, error?: Error) =>
      error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
    customSuccessMessage: (req: IncomingMessage, res: ServerResponse) =>
      `${req.method} ${pathOf(req.url)} ${res.writableEnded ? res.statusCode : 'aborted'}`,
    customErrorMessage: (req: IncomingMessage, res: ServerResponse) =>
      `${req.method} ${pathOf(req.url)} ${res.statusCode} failed`,
  });
}
