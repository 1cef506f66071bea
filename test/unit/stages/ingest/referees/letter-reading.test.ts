import { readFile } from 'node:fs/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../../../../src/config/load-config.ts';
import { ownAddresses } from '../../../../../src/config/own-addresses.ts';
import { DocumentPool } from '../../../../../src/documents/document-pool.ts';
import type { DocumentReader } from '../../../../../src/documents/read-documents.ts';
import { parseMessage } from '../../../../../src/mail/parse-message.ts';
import type { ThreadOwner } from '../../../../../src/ports/candidate-records.ts';
import { planMessage } from '../../../../../src/stages/ingest/plan-message.ts';
import {
  refereeLetterToRead,
  type LetterToReadInput,
} from '../../../../../src/stages/ingest/referees/letter-to-read.ts';
import { buildMail, pdfAttachment, type MailSpec } from '../../../../support/build-mail.ts';
import { buildDocument } from '../../../../support/documents/build-document.ts';
import { referenceLetter } from '../../../../support/documents/reference-letters.ts';
import type { DocumentSpec } from '../../../../support/documents/document-spec.ts';

// The shipped example: mailbox chen, the tagged vacancy robust-ai ([PHD-robustAI]) and an open call.
const CONFIG = parseConfig(
  await readFile(new URL('../../../../../config/triage.example.yaml', import.meta.url), 'utf8'),
  { IMAP_PASSWORD: 'x', SMTP_PASSWORD: 'y' },
  'triage.example.yaml',
);
const [MAILBOX] = CONFIG.mailboxes;
if (MAILBOX === undefined) throw new Error('the example has no mailbox');
const mailbox = MAILBOX;
const pool = new DocumentPool({ ...CONFIG.extraction, threads: 1 });
afterAll(() => pool.close());

const SMITH = 'Prof. John Smith <j.smith@kcl.example.ac.uk>';
const LETTER_MAIL: MailSpec = {
  from: SMITH,
  subject: 'Letter for your PhD position',
  text: 'Dear Dr Chen,\n\nPlease find my letter attached.\n\nBest wishes,\nJohn',
};

/** Plans a mail as the daemon does, counting the documents the reader is asked to read. */
async function plan(spec: MailSpec, thread: ThreadOwner | null = null) {
  let reads = 0;
  const reader: DocumentReader = {
    read: (content, request) => {
      reads += 1;
      return pool.read(content, request);
    },
  };
  const parsed = await parseMessage(await buildMail(spec), CONFIG.limits);
  const planned = await planMessage(
    parsed,
    {
      config: CONFIG,
      mailbox,
      ownAddresses: ownAddresses(CONFIG),
      thread,
      location: { uidValidity: '1', uid: 1 },
      receivedAt: '2026-11-25T09:00:00.000Z',
    },
    { config: CONFIG, sentRecipients: null, reader, unreadSent: 'assume-read' },
  );
  return { planned, reads };
}

/** A CV whose sections say what it is. */
const CV: DocumentSpec = {
  blocks: [
    { text: 'Jane Doe', style: 'title' },
    { text: 'jane.doe@example.org | +44 7700 900123', style: 'body' },
    { text: 'Education', style: 'heading' },
    { text: 'MSc Computer Science, University of Bristol, 2023 - 2025' },
    { text: 'Experience', style: 'heading' },
    { text: 'Research assistant, adversarial robustness in PyTorch, 2024 - 2025' },
    { text: 'Skills', style: 'heading' },
    { text: 'Python, PyTorch, JAX' },
  ],
};

const letterPdf = async (filename = 'letter.pdf') =>
  ({
    filename,
    content: await buildDocument(referenceLetter('Priya Raman'), 'pdf'),
    contentType: 'application/pdf',
  }) as const;

describe("a referee's letter read, not only named", () => {
  it("untagged letter.pdf: read as a reference, the mail is a referee's naming the applicant the letter recommends", async () => {
    const { planned, reads } = await plan({ ...LETTER_MAIL, attachments: [await letterPdf()] });
    expect(reads).toBe(1);
    expect(planned.triage.classification).toMatchObject({ kind: 'reference', rule: 'referee' });
    expect(planned.triage.classification.detail).toBe(
      "referee's mail (score 4): letter letter.pdf (read) (+3), names Priya Raman (+1)",
    );
    expect(planned.application).toBeNull();
    expect(planned.reference?.names).toEqual(['Priya Raman']);
    // The held letter keeps the names once, on the held reference, not on its documents.
    expect(planned.reference?.documents).toMatchObject([
      { filename: 'letter.pdf', kind: 'reference', reading: null },
    ]);
  });

  it("tagged, the same letter makes a referee's mail of the vacancy, not an application", async () => {
    const { planned } = await plan({
      ...LETTER_MAIL,
      subject: '[PHD-robustAI] letter',
      attachments: [await letterPdf('scan0001.pdf')],
    });
    expect(planned.triage.classification.kind).toBe('reference');
    expect(planned.triage.vacancy?.id).toBe('robust-ai');
    expect(planned.reference?.names).toEqual(['Priya Raman']);
  });

  it('a named reference whose subject names nobody is linked by the name inside the letter', async () => {
    const { planned, reads } = await plan({
      ...LETTER_MAIL,
      subject: '[PHD-robustAI] Reference',
      attachments: [await letterPdf('Reference.pdf')],
    });
    expect(reads).toBe(1);
    expect(planned.triage.classification.kind).toBe('reference');
    expect(planned.reference?.names).toEqual(['Priya Raman']);
  });

  it("a letter named as one whose content says nothing stays a letter by its name, not 'read'", async () => {
    const { planned, reads } = await plan({
      ...LETTER_MAIL,
      subject: '[PHD-robustAI] Reference for Priya Raman',
      attachments: [await pdfAttachment('Reference_Priya_Raman.pdf')],
    });
    expect(reads).toBe(1);
    expect(planned.triage.classification.kind).toBe('reference');
    expect(planned.triage.referee?.evidence).toContain('letter Reference_Priya_Raman.pdf (+3)');
    expect(planned.reference?.names).toEqual(['Priya Raman']);
  });

  it("tagged document.pdf that reads as a CV: the applicant's own mail, an application", async () => {
    const { planned, reads } = await plan({
      from: 'Jane Doe <jane.doe@example.org>',
      subject: '[PHD-robustAI] letter',
      text: 'Dear Dr Chen,\n\nplease find attached the document.\n\nJane',
      attachments: [await pdfAttachment('document.pdf', CV)],
    });
    expect(reads).toBe(1);
    expect(planned.triage.classification.kind).toBe('application');
    expect(planned.triage.referee?.evidence).toEqual(["the applicant's own cv attached"]);
    expect(planned.application?.incoming.applicant.address).toBe('jane.doe@example.org');
    // Read once: the application's documents are recorded with the reading done while planning.
    expect(planned.application?.read).toMatchObject([{ filename: 'document.pdf', kind: 'cv' }]);
    expect(planned.application?.read?.[0]?.reading?.profile?.keywords).toEqual(
      expect.arrayContaining(['PyTorch']),
    );
  });

  it("the applicant's own mail forwarding her letter stays hers; her record keeps no names from it", async () => {
    const { planned, reads } = await plan({
      from: 'Priya Raman <priya.raman@mail.example.com>',
      subject: '[PHD-robustAI] my reference letter',
      text: 'Dear Dr Chen,\n\nmy referee asked me to forward his letter.\n\nPriya',
      attachments: [await letterPdf()],
    });
    expect(reads).toBe(1);
    expect(planned.triage.classification.kind).toBe('application');
    expect(planned.triage.referee?.evidence).toEqual(['names its own sender (Priya Raman)']);
    expect(planned.application?.read).toMatchObject([{ filename: 'letter.pdf', kind: 'reference' }]);
    expect(planned.application?.read?.[0]?.reading?.profile).not.toHaveProperty('applicantsNamed');
  });

  it('an ordinary application with a CV by name, and untagged mail with no sign of a letter, are not read here', async () => {
    const application = await plan({ subject: '[PHD-robustAI] Application' });
    expect(application.reads).toBe(0);
    expect(application.planned.triage.classification.kind).toBe('application');
    const poster = await plan({
      from: SMITH,
      subject: 'Poster print order',
      text: 'Hello,\n\nthe file for the printer.\n\nJohn',
      attachments: [await letterPdf('poster.pdf')],
    });
    expect(poster.reads).toBe(0);
    expect(poster.planned.triage.classification.kind).toBe('untagged');
  });
});

describe('refereeLetterToRead', () => {
  const base: LetterToReadInput = {
    subject: 'Documents',
    kind: 'untagged',
    rule: 'no-tag',
    refereeScore: 0,
    inThread: false,
    kinds: ['other'],
  };

  it.each<[string, Partial<LetterToReadInput>, boolean]>([
    ['untagged, no sign', {}, false],
    ['untagged, a subject about a letter', { subject: 'Letter for your PhD position' }, true],
    ['untagged, an Empfehlungsschreiben', { subject: 'Empfehlungsschreiben' }, true],
    ['untagged, some referee evidence', { refereeScore: 2.5 }, true],
    ['in a candidate thread', { inThread: true }, true],
    ['tagged', { kind: 'application', rule: 'tag' }, true],
    ['an open call enquiry, no sign', { kind: 'application', rule: 'open-call' }, false],
    [
      "a referee's mail with a reference by name",
      { kind: 'reference', rule: 'referee', kinds: ['reference'] },
      true,
    ],
    ['tagged with a CV by name', { kind: 'application', rule: 'tag', kinds: ['cv', 'other'] }, false],
    ['tagged, no attachment to read', { kind: 'application', rule: 'tag', kinds: [] }, false],
    [
      'tagged, only a certificate by name',
      { kind: 'application', rule: 'tag', kinds: ['certificate'] },
      false,
    ],
    ['an auto-reply', { kind: 'auto-reply', rule: 'auto-submitted', inThread: true }, false],
  ])('%s', (_label, change, expected) => {
    expect(refereeLetterToRead({ ...base, ...change })).toBe(expected);
  });
});
