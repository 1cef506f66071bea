/** Error codes the daemon distinguishes; each maps to one retry policy. */
export type TriageErrorCode =
  | 'config-invalid'
  | 'config-missing'
  | 'input-invalid'
  | 'imap-unavailable'
  | 'imap-auth'
  | 'imap-mailbox-missing'
  | 'redis-unavailable'
  | 'smtp-unavailable'
  | 'message-too-complex'
  | 'message-unparseable'
  | 'job-payload-invalid'
  | 'lease-lost'
  | 'oauth-key'
  | 'data-key'
  | 'oauth-needs-login'
  | 'oauth-unavailable';

const RETRYABLE: ReadonlySet<TriageErrorCode> = new Set([
  'imap-unavailable',
  'redis-unavailable',
  'smtp-unavailable',
  'lease-lost',
  'oauth-unavailable',
]);

/** The one error type of the project: a stable `code` and whether trying again can help. */
export class TriageError extends Error {
  readonly code: TriageErrorCode;
  readonly retryable: boolean;

  constructor(code: TriageErrorCode, message: string, options?: { cause?: unknown; retryable?: boolean }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'TriageError';
    this.code = code;
    this.retryable = options?.retryable ?? RETRYABLE.has(code);
  }
}

/** True when `error` is a TriageError with one of the given codes. */
export function isTriageError(error: unknown, ...codes: TriageErrorCode[]): error is TriageError {
  return error instanceof TriageError && (codes.length === 0 || codes.includes(error.code));
}
