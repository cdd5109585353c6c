import pino, { type Logger } from 'pino';

/** Structured logs; request bodies and personal data are never logged (only method, url, status, ids). */
export function createLogger(level: string): Logger {
  return pino({
    level,
    redact: { paths: ['req.headers.cookie', 'req.headers["x-csrf-token"]', 'password', '*.password', 'phone', '*.phone'], censor: '***' },
  });
}
