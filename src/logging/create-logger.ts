import { pino, type DestinationStream, type Logger } from 'pino';
import { serverText } from '../output/server-text.ts';

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

// Fields that carry a server's or a library's words: an SMTP refusal or an IMAP answer may quote an applicant.
const SERVER_WORDS = ['reason', 'detail'];
// How deep a logged error's own fields are searched for server words.
const MAX_DEPTH = 5;

/**
 * Creates the root logger: pino JSON to stdout (pretty when stdout is a terminal), credentials redacted, and
 * e-mail addresses and control characters taken out of what servers said (serverText): the `reason` and
 * `detail` fields and every string of a logged `err` (message, server response, rejected recipients, each line of
 * the stack).
 * Pass `destination` to capture the JSON lines (tests).
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { service: 'applicant-triage' },
    redact: { paths: REDACT, censor: '[redacted]' },
    serializers: { err: serializeError },
    formatters: { log: redactServerWords },
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

function serializeError(error: unknown): unknown {
  if (typeof error !== 'object' || error === null) return redactDeep(error, 0);
  return redactDeep(pino.stdSerializers.err(error as Error), 0);
}

// Every string of a serialized error, nested ones too (nodemailer lists `rejected` addresses and their errors).
function redactDeep(value: unknown, depth: number, key = ''): unknown {
  if (typeof value === 'string') {
    if (key !== 'stack') return serverText(value);
    return value
      .split('\n')
      .map((line) => `${/^\s*/.exec(line)?.[0] ?? ''}${serverText(line)}`)
      .join('\n');
  }
  if (typeof value !== 'object' || value === null || depth >= MAX_DEPTH) return value;
  if (Array.isArray(value)) return value.map((entry) => redactDeep(entry, depth + 1));
  return Object.fromEntries(
    Object.entries(value).map(([name, entry]) => [name, redactDeep(entry, depth + 1, name)]),
  );
}

function redactServerWords(object: Record<string, unknown>): Record<string, unknown> {
  const words = SERVER_WORDS.filter((key) => typeof object[key] === 'string');
  if (words.length === 0) return object;
  return { ...object, ...Object.fromEntries(words.map((key) => [key, serverText(object[key] as string)])) };
}
