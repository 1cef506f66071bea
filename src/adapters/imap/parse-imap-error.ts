import { TriageError } from '../../errors/triage-error.ts';
import { serverText } from '../../output/server-text.ts';

interface ImapFlowErrorShape {
  code?: string;
  message?: string;
  authenticationFailed?: boolean;
  serverResponseCode?: string;
  responseText?: string;
}

/** Maps imapflow's and the socket's errors to a TriageError with a code and a retry policy; the server's text through serverText. */
export function parseImapError(error: unknown, context: string): TriageError {
  if (error instanceof TriageError) return error;
  const shape = (typeof error === 'object' && error !== null ? error : {}) as ImapFlowErrorShape;
  // Logged, recorded as the mailbox's last error and mailed in alerts: never with an address in it.
  const detail = serverText(shape.responseText ?? shape.message ?? String(error));
  if (shape.authenticationFailed === true || shape.serverResponseCode === 'AUTHENTICATIONFAILED') {
    // Retryable: passwords get fixed and servers have transient auth outages; backoff keeps it polite.
    return new TriageError('imap-auth', `${context}: login refused (${detail})`, {
      cause: error,
      retryable: true,
    });
  }
  if (shape.serverResponseCode === 'NONEXISTENT') {
    return new TriageError('imap-mailbox-missing', `${context}: folder does not exist (${detail})`, {
      cause: error,
    });
  }
  return new TriageError('imap-unavailable', `${context}: ${detail}`, { cause: error });
}
