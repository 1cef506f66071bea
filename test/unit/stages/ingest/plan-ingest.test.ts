import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../../src/config/load-config.ts';
import { ownAddresses } from '../../../../src/config/own-addresses.ts';
import { parseMessage } from '../../../../src/mail/parse-message.ts';
import { planIngest, type IngestContext } from '../../../../src/stages/ingest/plan-ingest.ts';
import { buildMail } from '../../../support/build-mail.ts';

const CONFIG = parseConfig(
  await readFile(new URL('../../../../config/triage.example.yaml', import.meta.url), 'utf8'),
  { IMAP_PASSWORD: 'x', SMTP_PASSWORD: 'y' },
  'triage.example.yaml',
);
const WITH_ENQUIRIES = parseConfig(
  JSON.stringify({ ...CONFIG, replies: { ...CONFIG.replies, enquiries: true } }),
  {},
  'with enquiries',
);

async function parsed(fixture: string) {
  const buffer = await readFile(new URL(`../../../fixtures/mail/${fixture}`, import.meta.url));
  return parseMessage(buffer, CONFIG.limits);
}

function context(overrides: Partial<IngestContext> = {}): IngestContext {
  return {
    config: CONFIG,
    mailbox: { id: 'chen' },
    ownAddresses: ownAddresses(CONFIG),
    thread: null,
    location: { uidValidity: '1700000000', uid: 7 },
    receivedAt: '2026-11-20T09:00:00.000Z',
    ...overrides,
  };
}

describe('planIngest', () => {
  it('application-exact-tag: the merge input carries where the message is and what reading it needs', async () => {
    const message = await parsed('application-exact-tag.eml');
    const plan = planIngest(message, context());
    expect(plan.triage.classification.kind).toBe('application');
    expect(plan.key).toBe(message.facts.messageId?.toLowerCase());
    expect(plan.bounce).toBeNull();
    expect(plan.enquiry).toBeNull();
    expect(plan.application?.vacancy.id).toBe('robust-ai');
    expect(plan.application?.threadCandidateId).toBeNull();
    expect(plan.application?.incoming.message).toMatchObject({
      key: plan.key,
      mailbox: 'chen',
      uidValidity: '1700000000',
      uid: 7,
      receivedAt: '2026-11-20T09:00:00.000Z',
      match: 'exact',
      bodyProfile: null,
    });
    expect(plan.application?.incoming.message).not.toHaveProperty('filedTo');
    expect(plan.application?.incoming.documents.map((document) => document.filename)).toEqual(
      plan.triage.documents.map((document) => document.filename),
    );
    expect(plan.application?.reading).toEqual({
      keywords: CONFIG.vacancies[0]?.keywords,
      applicantName: message.facts.from?.name,
    });
  });

  it('thread: an untagged reply in a known thread is that candidate’s follow-up, merged into it', async () => {
    const message = await parsed('untagged-enquiry.eml');
    const thread = { vacancy: 'robust-ai', candidateId: 'robust-ai-0123456789ab' };
    const plan = planIngest(message, context({ thread }));
    expect(plan.triage.classification.rule).toBe('thread');
    expect(plan.application?.threadCandidateId).toBe('robust-ai-0123456789ab');
    expect(plan.enquiry).toBeNull();
  });

  it('thread-other-vacancy: a thread of another vacancy gives no candidate to merge into', async () => {
    const message = await parsed('application-exact-tag.eml');
    const plan = planIngest(message, context({ thread: { vacancy: 'nope', candidateId: 'nope-1' } }));
    expect(plan.application?.threadCandidateId).toBeNull();
  });

  it('enquiry: untagged mail naming a vacancy gets an enquiry reply only when enquiries are enabled', async () => {
    const title = CONFIG.vacancies[0]?.title ?? '';
    const raw = await buildMail({ subject: `Question about the ${title}`, attachments: [] });
    const message = await parseMessage(raw, CONFIG.limits);
    expect(planIngest(message, context()).enquiry).toBeNull();
    const plan = planIngest(message, context({ config: WITH_ENQUIRIES }));
    expect(plan.application).toBeNull();
    expect(plan.enquiry).toMatchObject({
      mailbox: 'chen',
      vacancy: 'robust-ai',
      messageKey: plan.key,
      to: { address: message.facts.from?.address },
    });
  });

  it('gmail-x-failed-recipients: a bounce naming one of our replies lists its failed recipients and that reply, to be checked', async () => {
    const plan = planIngest(await parsed('gmail-x-failed-recipients.eml'), context());
    expect(plan.triage.classification.kind).toBe('bounce');
    expect(plan.bounce).toEqual({
      failedRecipients: ['amara.o@gmail.example', 'kofi.mensah@gmail.example'],
      references: ['<triage-reply.9f8e7d6c5b4a39281706f5e4@uni.example>'],
    });
    expect(plan.application).toBeNull();
  });

  it('mailer-daemon-dsn: a bounce of mail that is not ours names none of our replies', async () => {
    const plan = planIngest(await parsed('mailer-daemon-dsn.eml'), context());
    expect(plan.triage.classification.kind).toBe('bounce');
    expect(plan.bounce?.references).toEqual([]);
  });

  it('outlook-oof-x-autoreply: not an application, nothing to merge, no enquiry', async () => {
    const plan = planIngest(await parsed('outlook-oof-x-autoreply.eml'), context({ config: WITH_ENQUIRIES }));
    expect(plan.triage.classification.kind).toBe('auto-reply');
    expect(plan.application).toBeNull();
    expect(plan.enquiry).toBeNull();
  });
});
