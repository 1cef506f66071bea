import { isTriageError } from '../errors/triage-error.ts';

interface ErrorShape {
  code?: unknown;
  message?: unknown;
  responseCode?: unknown;
  cause?: unknown;
}

// The error and its causes, outermost first (libraries wrap socket and TLS errors).
function chain(error: unknown): ErrorShape[] {
  const found: ErrorShape[] = [];
  for (let current = error; typeof current === 'object' && current !== null && found.length < 5;) {
    const shape = current as ErrorShape;
    found.push(shape);
    current = shape.cause;
  }
  return found;
}

// Codes are not always kept when a library wraps an error; the message usually names them.
const text = (shape: ErrorShape) => `${String(shape.code)} ${String(shape.message)}`;

const LOGIN_HINT = {
  matches: (shape: ErrorShape) =>
    shape.code === 'EAUTH' || shape.responseCode === 535 || isTriageError(shape, 'imap-auth'),
  hint: 'check the user name and password (Microsoft 365 and Gmail take only OAuth2 or an app password)',
};

const HINTS: ReadonlyArray<{ matches: (shape: ErrorShape) => boolean; hint: string }> = [
  {
    matches: (shape) =>
      /wrong version number|WRONG_VERSION_NUMBER|packet length too long|unknown protocol/i.test(text(shape)),
    hint: 'the server does not speak TLS on this port: check `secure` (true only where TLS starts at once, as on 993 and 465; false for 143 and 587, which upgrade with STARTTLS)',
  },
  {
    matches: (shape) =>
      /self[- ]signed|unable to verify|CERT_/i.test(`${String(shape.code)} ${String(shape.message)}`),
    hint: "the server's certificate is not trusted: fix the certificate, or set `allowSelfSigned: true` for a test server",
  },
  {
    matches: (shape) => text(shape).includes('ECONNREFUSED'),
    hint: 'nothing accepts connections there: check the host and port',
  },
  {
    matches: (shape) => /ENOTFOUND|EAI_AGAIN/.test(text(shape)),
    hint: 'no such host: check the host name',
  },
  {
    matches: (shape) => /ETIMEDOUT|timed? ?out/i.test(text(shape)),
    hint: 'no answer: check the host, the port and any firewall between',
  },
  LOGIN_HINT,
];

/** What to check for a failed connection, from the error and its causes; null when nothing common applies. Pure. */
export function checkHint(error: unknown, login: 'password' | 'oauth2' = 'password'): string | null {
  for (const shape of chain(error)) {
    const found = HINTS.find((entry) => entry.matches(shape));
    if (found === undefined) continue;
    // A fresh OAuth2 token refused is not a wrong password: the app or the mailbox is not allowed this protocol.
    return login === 'oauth2' && found === LOGIN_HINT ? OAUTH_LOGIN_HINT : found.hint;
  }
  return null;
}

const OAUTH_LOGIN_HINT =
  "the server refused a fresh OAuth2 token: check the app's permissions and consent (IMAP.AccessAsUser.All and SMTP.Send for Microsoft 365, https://mail.google.com/ for Gmail), that IMAP and SMTP AUTH are enabled for the mailbox, and auth.user";
