import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { CandidateRecord } from '../../../src/candidates/candidate-record.ts';
import { parseConfig } from '../../../src/config/load-config.ts';
import { parseMessage } from '../../../src/mail/parse-message.ts';
import { planLink, withLinkHistory } from '../../../src/operator/plan-link.ts';
import { candidateRecord, documentRecord, messageRecord } from '../../support/records.ts';
import { rawTestConfig } from '../../support/test-config.ts';

const AT = '2026-03-10T09:00:00.000Z';
const config = parseConfig(
  JSON.stringify(
    rawTestConfig({
      imap: { host: 'localhost', port: 143, user: 'u', pass: 'p' },
      smtpPort: 25,
      prefix: 't',
    }),
  ),
  {},
  'test config',
);
const [vacancy] = config.vacancies;

// Jane's mail from her lab account (Reply-To: a private address, not authenticated), which an operator links to
// the candidate she already is under her private address.
async function fromLab() {
  const raw = await readFile(new URL('../../fixtures/mail/application-reply-to.eml', import.meta.url));
  return parseMessage(raw, { maxAttachments: 100 });
}

function jane(): CandidateRecord {
  const first = messageRecord('<jane-0@mail.example>', '2025-01-20T10:00:00.000Z', {
    sender: 'jane.doe.private@mail.example',
  });
  return {
    ...candidateRecord([first], [documentRecord('transcript', first.key)], ['cv']),
    name: 'Jane Doe',
    email: 'jane.doe.private@mail.example',
  };
}

describe('planLink', () => {
  it("records the message as the candidate's (match linked) with its documents described as ingest does", async () => {
    if (!vacancy) throw new Error('no vacancy');
    const context = {
      vacancy,
      mailboxId: 'chen',
      trustedAuthservIds: [],
      location: { uidValidity: '7', uid: 42 },
      receivedAt: '2025-01-23T09:00:00.000Z',
    };
    const plan = planLink(await fromLab(), jane(), context);
    expect(plan.candidateId).toBe('robust-ai-c0ffee');
    expect(plan.key).toBe('<20250122163000.lab-relay.42@lab.example>');
    expect(plan.already).toBe(false);
    expect(plan.incoming.message).toMatchObject({
      key: '<20250122163000.lab-relay.42@lab.example>',
      messageId: '<20250122163000.lab-relay.42@lab.example>',
      subject: '[PHD-robustAI] Application - Jane Doe',
      mailbox: 'chen',
      uidValidity: '7',
      uid: 42,
      match: 'linked',
      sender: 'j.doe@lab.example',
      // An unauthenticated Reply-To elsewhere is not used, as in ingest.
      replyTo: { name: 'Jane Doe', address: 'j.doe@lab.example' },
      noReply: null,
    });
    // Merged into the candidate as she is, whatever address the message came from.
    expect(plan.incoming.applicant).toEqual({ name: 'Jane Doe', address: 'jane.doe.private@mail.example' });
    expect(plan.incoming.documents.map((document) => [document.filename, document.kind])).toEqual([
      ['CV.pdf', 'cv'],
    ]);
    expect(plan.reading.keywords).toEqual(vacancy.keywords);

    const linkedBefore = { ...jane(), messages: [...jane().messages, messageRecord(plan.key, AT)] };
    expect(planLink(await fromLab(), linkedBefore, context).already).toBe(true);
  });
});

describe('withLinkHistory', () => {
  it('records a link once, however often it is applied', () => {
    const record = jane();
    const once = withLinkHistory(record, '<jane-0@mail.example>', AT);
    expect(once.history).toEqual([
      {
        at: AT,
        action: 'link',
        by: 'operator',
        detail: 'linked <jane-0@mail.example> from jane.doe.private@mail.example with 1 document',
      },
    ]);
    expect(withLinkHistory(once, '<jane-0@mail.example>', '2026-03-11T09:00:00.000Z')).toEqual(once);
  });
});
