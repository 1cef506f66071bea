import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger } from 'pino';

const REDACT = [
  'pass',
  'password',
  '*.pass',
  '*.password',
  'auth',
  '*.auth',
  'imap.auth',
  'smtp.auth',
  'url',
];

/**
 * Creates the root logger: pino JSON to stdout (pretty when stdout is a terminal), credentials redacted.
 * Pass `destination` to capture the JSON lines (tests).
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { service: 'applicant-triage' },
    redact: { paths: REDACT, censor: '[redacted]' },
  };
  if (destination) return pino(options, destination);
  if (process.stdout.isTTY && process.env.TRIAGE_LOG_FORMAT !== 'json') {
    return pino({
      ...options,
      transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss' } },
    });
  }
  return pino(options);
}
