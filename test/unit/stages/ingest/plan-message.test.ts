import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../../src/config/load-config.ts';
import { ownAddresses } from '../../../../src/config/own-addresses.ts';
import { isTriageError } from '../../../../src/errors/triage-error.ts';
import { parseMessage } from '../../../../src/mail/parse-message.ts';
import type { SentRecipients } from '../../../../src/ports/call-ports.ts';
import { planMessage } from '../../../../src/stages/ingest/plan-message.ts';
import { buildMail } from '../../../support/build-mail.ts';

// The shipped example has an open call (medical-ai) on mailbox chen.
const CONFIG = parseConfig(
  await readFile(new URL('../../../../config/triage.example.yaml', import.meta.url), 'utf8'),
  { IMAP_PASSWORD: 'x', SMTP_PASSWORD: 'y' },
  'triage.example.yaml',
);
const MAILBOX = CONFIG.mailboxes[0];
if (!MAILBOX) throw new Error('the example has no mailbox');

const enquiry = await parseMessage(
  await buildMail({
    from: '"Giulia Rossi" <giulia.rossi@polimi.example>',
    subject: 'Prospective DPhil student',
    text: 'Dear Chen,\n\nI am interested in pursuing a DPhil on agentic workflows for medical image analysis.',
    attachments: [],
  }),
  CONFIG.limits,
);

/** The Sent folder as the store reports it: read to its end or not, and whom it holds. */
function sent(known: boolean, recipients: readonly string[]): SentRecipients {
  return {
    known: () => Promise.resolve(known),
    has: (_mailbox, address) => Promise.resolve(recipients.includes(address)),
  };
}

const plan = (sentRecipients: SentRecipients | null, unreadSent: 'wait' | 'assume-read') =>
  planMessage(
    enquiry,
    {
      config: CONFIG,
      mailbox: MAILBOX,
      ownAddresses: ownAddresses(CONFIG),
      thread: null,
      location: { uidValidity: '1', uid: 1 },
      receivedAt: '2026-11-20T09:00:00.000Z',
    },
    { config: CONFIG, sentRecipients, reader: null, unreadSent },
  );

describe('planMessage', () => {
  it('holds an untagged message back (a retryable error) until the Sent folder has been read once', async () => {
    const error: unknown = await plan(sent(false, []), 'wait').catch((caught: unknown) => caught);
    expect(isTriageError(error, 'imap-unavailable')).toBe(true);
    expect(isTriageError(error) && error.retryable).toBe(true);
  });

  it('a sender the mailbox wrote to is a colleague; a stranger with study intent is an enquirer', async () => {
    const colleague = await plan(sent(true, ['giulia.rossi@polimi.example']), 'wait');
    expect(colleague.application).toBeNull();
    expect(colleague.triage.classification.rule).toBe('colleague');
    const stranger = await plan(sent(true, []), 'wait');
    expect(stranger.application?.vacancy.id).toBe('medical-ai');
  });

  it('a tagged application never waits for the Sent folder', async () => {
    const tagged = await parseMessage(
      await buildMail({ subject: '[PHD-robustAI] Application' }),
      CONFIG.limits,
    );
    const planned = await planMessage(
      tagged,
      {
        config: CONFIG,
        mailbox: MAILBOX,
        ownAddresses: ownAddresses(CONFIG),
        thread: null,
        location: { uidValidity: '1', uid: 2 },
        receivedAt: '2026-11-20T09:00:00.000Z',
      },
      { config: CONFIG, sentRecipients: sent(false, []), reader: null, unreadSent: 'wait' },
    );
    expect(planned.application?.vacancy.id).toBe('robust-ai');
  });

  it('explain does not wait: it says what is known so far', async () => {
    expect((await plan(sent(false, []), 'assume-read')).application?.vacancy.id).toBe('medical-ai');
    expect((await plan(null, 'wait')).application?.vacancy.id).toBe('medical-ai');
  });
});
