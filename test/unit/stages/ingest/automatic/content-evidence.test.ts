import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../../../src/config/load-config.ts';
import { ownAddresses } from '../../../../../src/config/own-addresses.ts';
import { parseMessage } from '../../../../../src/mail/parse-message.ts';
import { weighContent } from '../../../../../src/stages/ingest/automatic/content-evidence.ts';
import type { ClassifyContext } from '../../../../../src/stages/ingest/automatic/verdict.ts';
import { classifyMessage } from '../../../../../src/stages/ingest/classify-message.ts';
import { planIngest } from '../../../../../src/stages/ingest/plan-ingest.ts';
import { buildMail } from '../../../../support/build-mail.ts';

const CONTEXT: ClassifyContext = {
  ownAddresses: new Set(['chen@uni.example']),
  loopMarkerHeader: 'x-applicant-triage',
  vacancies: [{ id: 'robust-ai', tag: 'PHD-robustAI' }],
};
const CONFIG = parseConfig(
  await readFile(new URL('../../../../../config/triage.example.yaml', import.meta.url), 'utf8'),
  { IMAP_PASSWORD: 'x', SMTP_PASSWORD: 'y' },
  'triage.example.yaml',
);

async function parseFixture(name: string) {
  const raw = await readFile(new URL(`../../../../fixtures/mail/automatic/${name}`, import.meta.url));
  return parseMessage(raw, { maxAttachments: 100 });
}

async function classify(raw: Buffer) {
  const parsed = await parseMessage(raw, { maxAttachments: 100 });
  return classifyMessage(parsed.facts, { ...CONTEXT, text: parsed.text });
}

function plan(parsed: Awaited<ReturnType<typeof parseFixture>>) {
  return planIngest(parsed, {
    config: CONFIG,
    mailbox: { id: 'chen' },
    ownAddresses: ownAddresses(CONFIG),
    thread: null,
    location: { uidValidity: '1', uid: 1 },
    receivedAt: '2026-11-20T09:00:00.000Z',
  });
}

describe('automatic mail recognised by its content, through the real parser and the ingest plan', () => {
  const CASES: readonly (readonly [fixture: string, kind: string, rule: string, evidence: RegExp])[] = [
    [
      'exchange-undeliverable-system-administrator.eml',
      'bounce',
      'bounce-text',
      /failure-notice subject \(\+2\).*mail-system sender \(\+2\)/,
    ],
    ['lotus-notes-mail-service.eml', 'bounce', 'bounce-text', /mail-system sender/],
    ['bounce-relayed-by-list.eml', 'bounce', 'bounce-text', /MTA failure banner \(\+3\)/],
    ['sendmail-delay-warning.eml', 'auto-reply', 'delay-notice', /delay-notice subject \(\+3\)/],
    ['arf-multipart-mixed.eml', 'auto-reply', 'feedback-report', /feedback-report part \(\+4\)/],
    // Outlook.com's junk-mail reports send the reported message back whole, marked only by this header.
    [
      'hotmail-complaint-copy.eml',
      'auto-reply',
      'feedback-report',
      /^X-HmXmrOriginalRecipient: student\.reader@hotmail\.example$/i,
    ],
    ['challenge-response.eml', 'auto-reply', 'challenge-response', /confirmation-request subject/],
    // Bluebottle's challenge has a person's From and a reply's subject: its own header says what it is.
    ['bluebottle-challenge.eml', 'auto-reply', 'challenge-response', /^X-Bluebottle-Request: <7781>$/i],
    // A gateway's DSN wrapped in multipart/mixed, from an empty sender: its delivery-status part decides.
    ['dsn-in-multipart-mixed.eml', 'bounce', 'bounce-text', /delivery-status part \(\+4\)/],
    // fml, the Japanese list server, marks its notices and posts X-MLServer, not List-*; its own notices come from
    // the list's `-admin` address.
    ['fml-list-notice.eml', 'auto-reply', 'list-server-notice', /lab-ml-admin@lab\.example\.jp.*X-MLServer/i],
    ['lotus-auto-out-of-office.eml', 'auto-reply', 'auto-reply-text', /English auto-reply subject \(\+3\)/],
    ['abwesenheitsnotiz.eml', 'auto-reply', 'auto-reply-text', /German auto-reply subject.*German absence/],
    ['reponse-automatique.eml', 'auto-reply', 'auto-reply-text', /French auto-reply subject.*French absence/],
    ['zidong-huifu.eml', 'auto-reply', 'auto-reply-text', /Chinese auto-reply subject.*Chinese absence/],
    // AOL's "(Automatic Response)" suffix weighs 2, like "Away until …": each decides only with an absence sentence.
    [
      'aol-automatic-response-suffix.eml',
      'auto-reply',
      'auto-reply-text',
      /auto-response subject suffix \(\+2\), out-of-office sentence \(\+2\)/,
    ],
    // "Away until …" weighs 2: it decides only with the body's absence sentences.
    [
      'away-until.eml',
      'auto-reply',
      'auto-reply-text',
      /away-until subject \(\+2\), limited e-mail access \(\+2\), will reply on return \(\+1\)/,
    ],
    // HTML only, as Outlook sends many: its text is read for the absence sentence.
    [
      'outlook-html-automatic-reply.eml',
      'auto-reply',
      'auto-reply-text',
      /English auto-reply subject \(\+3\), out-of-office sentence \(\+2\)/,
    ],
  ];

  it.each(CASES)(
    '%s → %s (%s), never an application though tagged',
    async (fixture, kind, rule, evidence) => {
      const parsed = await parseFixture(fixture);
      const ingest = plan(parsed);
      expect(ingest.triage.classification).toMatchObject({ kind, rule });
      expect(ingest.triage.classification.detail).toMatch(evidence);
      expect(ingest.application).toBeNull();
      expect(ingest.enquiry).toBeNull();
    },
  );

  it('application-cv-out-of-office-words: a person saying they are away, with a CV, stays an application', async () => {
    const parsed = await parseFixture('application-cv-out-of-office-words.eml');
    const evidence = weighContent(parsed.facts, parsed.text).find((entry) => entry.family === 'auto-reply');
    expect(evidence?.reasons).toContain('1 document(s) attached (-10)');
    expect(evidence?.score).toBeLessThan(3);
    const ingest = plan(parsed);
    expect(ingest.triage.classification).toMatchObject({ kind: 'application', rule: 'tag' });
    expect(ingest.application?.vacancy.id).toBe('robust-ai');
  });

  it('the same mail with Auto-Submitted is an auto-reply: the standard header decides, documents or not', async () => {
    const raw = await readFile(
      new URL('../../../../fixtures/mail/automatic/application-cv-out-of-office-words.eml', import.meta.url),
    );
    const withHeader = Buffer.concat([Buffer.from('Auto-Submitted: auto-replied\n'), raw]);
    expect(await classify(withHeader)).toMatchObject({ kind: 'auto-reply', rule: 'auto-submitted' });
  });

  const LANGUAGES: readonly (readonly [subject: string, text: string])[] = [
    ['Automatic reply: [PHD-robustAI] Application', 'I am currently out of the office.'],
    ['Risposta automatica: [PHD-robustAI] Candidatura', 'Sono assente fino al 3 gennaio.'],
    ['Respuesta automática: [PHD-robustAI] Solicitud', 'Estoy fuera de la oficina hasta el lunes.'],
    ['Resposta automática: [PHD-robustAI] Candidatura', 'Estou de férias até 10 de janeiro.'],
    ['Automatisch antwoord: [PHD-robustAI] Sollicitatie', 'Ik ben afwezig tot 4 januari.'],
    ['自動返信: [PHD-robustAI] 応募', '不在にしております。'],
    // php-mime-mail-parser's Exchange reply (dev corpus), whose From was stripped: its subject still says what it is.
    ['Automatyczna odpowiedź: [PHD-robustAI] Aplikacja', 'toto'],
    // bounce_email's Lotus Notes reply (dev corpus): "Ārpus biroja atrašanās automātiskā atbilde: …".
    [
      'Arpus biroja atrasanas automatiska atbilde: [PHD-robustAI] Pieteikums',
      'I am out of office until Tuesday.',
    ],
    // bounce_email's Gmail vacation reply (dev corpus): "Atvaļinājums" decides only with the absence sentence.
    ['Atvaļinājums Re: [PHD-robustAI] Pieteikums', 'Esmu atvaļinājumā.'],
    // PHP-Bounce-Handler's vac6 (dev corpus): "Vacation Alert!" decides only with the absence sentence.
    ['Vacation Alert! Re: [PHD-robustAI] Application', 'I will be on vacation until Monday, September 22nd.'],
  ];

  it.each(LANGUAGES)(
    'header-less "%s" is an auto-reply; with a CV attached it is not',
    async (subject, text) => {
      const bare = await buildMail({ subject, text, attachments: [] });
      expect(await classify(bare)).toMatchObject({ kind: 'auto-reply', rule: 'auto-reply-text' });
      const withCv = await buildMail({ subject, text });
      expect(await classify(withCv)).toMatchObject({ kind: 'application' });
    },
  );

  it('sentences alone decide nothing: "I am out of the office next week" in a tagged mail is an application', async () => {
    const raw = await buildMail({
      text: 'Dear Dr Chen,\n\nI am out of the office next week; I will read your answer when I return.\n\nJane',
      attachments: [],
    });
    expect(await classify(raw)).toMatchObject({ kind: 'application', rule: 'tag' });
  });

  it('"Away until Monday" in a tagged subject with a person\'s words is an application', async () => {
    const raw = await buildMail({
      subject: 'Away until Monday - [PHD-robustAI] Application',
      text: 'Dear Dr Chen,\n\nI am travelling to a conference; my application for the position is below.\n\nJane',
      attachments: [],
    });
    expect(await classify(raw)).toMatchObject({ kind: 'application', rule: 'tag' });
  });

  it('a person quoting an "(Automatic Response)" subject without an absence sentence is an application', async () => {
    const raw = await buildMail({
      subject: 'Re: [PHD-robustAI] Application (Automatic Response)',
      text: 'Dear Dr Chen,\n\nI received your automatic response; here is my application again.\n\nJane',
      attachments: [],
    });
    expect(await classify(raw)).toMatchObject({ kind: 'application', rule: 'tag' });
  });

  it('"Holiday notice" or "Atvaļinājums" in a person\'s tagged mail without an absence sentence is an application', async () => {
    for (const subject of [
      'Holiday notice - [PHD-robustAI] Application',
      'Atvaļinājums [PHD-robustAI] Pieteikums',
    ]) {
      const raw = await buildMail({
        subject,
        text: 'Dear Dr Chen,\n\nmy application is below.\n\nJane',
        attachments: [],
      });
      expect(await classify(raw)).toMatchObject({ kind: 'application', rule: 'tag' });
    }
  });

  // php-imap's relayed Google report (dev corpus): RFC 7489 fixes the subject of a DMARC aggregate report.
  it('a DMARC aggregate report is a feedback report by its RFC 7489 subject, tag or no tag', async () => {
    const raw = await buildMail({
      subject:
        'Report Domain: uni.example Submitter: google.com Report-ID: 2244696771454641389 [PHD-robustAI]',
      text: '',
    });
    const classification = await classify(raw);
    expect(classification).toMatchObject({ kind: 'auto-reply', rule: 'feedback-report' });
    expect(classification.detail).toMatch(/DMARC aggregate-report subject \(\+3\)/);
  });

  // mail's "[Online Lead]" notice (dev corpus): its text is an ADF XML document.
  it("a text that is an XML document from its first line is a program's, never an application", async () => {
    const raw = await buildMail({
      subject: '[PHD-robustAI] Online Lead #1111111',
      text: '<?xml version="1.0" encoding="UTF-8"?>\n<?ADF version="1.0"?><adf>\n  <prospect/>\n</adf>\n',
      attachments: [],
    });
    const classification = await classify(raw);
    expect(classification).toMatchObject({ kind: 'auto-reply', rule: 'machine-document' });
    expect(classification.detail).toMatch(/XML document \(<\?xml version="1\.0" encoding="UTF-8"\?>\)/);
  });

  it('a person pasting XML after a greeting is still an application', async () => {
    const raw = await buildMail({
      text: 'Dear Dr Chen,\n\nmy thesis uses this format:\n<?xml version="1.0"?>\n<thesis/>\n\nJane',
      attachments: [],
    });
    expect(await classify(raw)).toMatchObject({ kind: 'application', rule: 'tag' });
  });

  it('a person replying to an auto-reply ("Re: Automatic reply: …") is not one', async () => {
    const raw = await buildMail({
      subject: 'Re: Automatic reply: [PHD-robustAI] Application',
      attachments: [],
    });
    expect(await classify(raw)).toMatchObject({ kind: 'application' });
  });
});
