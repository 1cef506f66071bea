import { describe, expect, it } from 'vitest';
import type { CandidateRecord } from '../../../src/candidates/candidate-record.ts';
import type { PersonHoldings } from '../../../src/privacy/person-holdings.ts';
import { personReport } from '../../../src/privacy/person-report.ts';
import { digestProfile } from '../../../src/stages/digests/digest-vacancy.ts';
import { describeFit } from '../../../src/stages/digests/digest-view.ts';
import { fitScore } from '../../../src/stages/digests/fit-score.ts';
import { FLAG_WORDING } from '../../../src/stages/digests/format-digest-values.ts';
import { documentProfile, documentReading } from '../../support/profiles.ts';
import { messageRecord } from '../../support/records.ts';

const ADDRESS = 'eleanor.hughes@example.ac.uk';
const SHA = 'ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12';

const cvProfile = documentProfile({
  name: 'Eleanor Hughes',
  emails: [ADDRESS, 'e.hughes@leeds.example'],
  phones: ['+44 7700 900123'],
  links: [{ kind: 'github', url: 'https://github.com/ehughes' }],
  degrees: [
    {
      level: 'bachelor',
      title: 'BSc (Hons)',
      subject: 'Computer Science',
      institution: 'University of Leeds',
      startYear: 2021,
      endYear: 2024,
      result: { system: 'uk-class', written: 'First Class Honours (78%)', normalised: 78, band: 'first' },
    },
  ],
  publications: { count: 1, venues: ['MIUA'], dois: [], arxivIds: [], firstAuthor: 1 },
  languageTests: [{ test: 'IELTS', score: 7.5, written: 'IELTS Academic 7.5' }],
  keywords: ['PyTorch', 'segmentation'],
});

const record: CandidateRecord = {
  id: 'robust-ai-5e1f0a',
  vacancy: 'robust-ai',
  name: 'Eleanor Hughes',
  email: ADDRESS,
  documents: [
    {
      filename: 'CV.pdf',
      safeName: 'CV.pdf',
      within: [],
      kind: 'cv',
      contentType: 'application/pdf',
      size: 48213,
      sha256: SHA,
      message: 'chen/7/12',
      reading: {
        ...documentReading(cvProfile, {
          pages: 2,
          characters: 3120,
          hiddenReasons: ['white-text'],
          hiddenSample: 'expert in everything',
        }),
        evidence: ["heading 'Education'", "heading 'Publications'", "file name 'CV.pdf'"],
      },
    },
    {
      filename: 'Reference\u001b[2J.pdf',
      safeName: 'Reference.pdf',
      within: [],
      kind: 'reference',
      contentType: 'application/pdf',
      size: 900,
      sha256: SHA.replace('ab', 'ff'),
      message: 'chen/7/13',
      reading: {
        ...documentReading(null, { status: 'corrupt', reason: 'not a PDF', pages: null, characters: 0 }),
        kindSource: 'filename',
        evidence: ["file name 'Reference.pdf'", 'the text could not be read (corrupt)'],
      },
    },
  ],
  missing: ['transcript'],
  flags: ['hidden-text', 'unreadable-document'],
  messages: [
    messageRecord('chen/7/12', '2026-03-02T09:15:00.000Z', {
      messageId: '<eh-1@example.ac.uk>',
      subject: '[PHD-robustAI] Application\r\nBcc: evil@example.org',
      sender: ADDRESS,
      filedTo: 'Applications/robust-ai',
    }),
    messageRecord('chen/7/13', '2026-03-04T16:40:00.000Z', {
      messageId: '<eh-2@example.ac.uk>',
      subject: 'Re: [PHD-robustAI] reference',
      uid: 13,
      sender: ADDRESS,
      filedTo: 'Applications/robust-ai',
      noReply: { rule: 'auto-response-suppress', detail: 'X-Auto-Response-Suppress: All' },
    }),
  ],
  replies: [
    {
      kind: 'acknowledgement',
      status: 'sent',
      at: '2026-03-02T09:15:07.000Z',
      to: ADDRESS,
      detail: '<ack-1@uni.example>',
    },
    {
      kind: 'receipt',
      status: 'suppressed',
      at: '2026-03-04T16:40:03.000Z',
      to: null,
      detail: 'auto-response-suppress',
    },
  ],
  acknowledges: 'chen/7/12',
  firstSeen: '2026-03-02T09:15:00.000Z',
  lastSeen: '2026-03-04T16:40:00.000Z',
  history: [],
  references: [],
};

function holdings(changes: Partial<PersonHoldings> = {}): PersonHoldings {
  return {
    address: ADDRESS,
    now: new Date('2026-04-01T12:00:00.000Z'),
    vacancies: [
      { id: 'robust-ai', title: 'PhD in Robust AI', supervisors: ['chen@uni.example', 'okafor@uni.example'] },
    ],
    candidates: [record],
    enquiries: [
      {
        mailbox: 'chen',
        messageKey: 'chen/7/3',
        entry: {
          kind: 'enquiry',
          status: 'sent',
          to: ADDRESS,
          detail: '<enq-1@uni.example>',
          at: '2026-02-20T08:00:00.000Z',
        },
      },
    ],
    ledger: [
      { scope: 'robust-ai', kind: 'acknowledgement', state: 'sent', messageId: '<ack-1@uni.example>' },
      { scope: 'mailbox-chen', kind: 'enquiry', state: 'sent', messageId: '<enq-1@uni.example>' },
    ],
    refereeLetters: [],
    bounceSuppressed: false,
    writtenToBy: [],
    exportedDocuments: [
      { candidateId: record.id, folder: '/srv/export/robust-ai-5e1f0a', files: ['CV-ab12cd34.pdf'] },
    ],
    wording: {
      fitScore: (candidate) =>
        describeFit(fitScore(digestProfile(candidate), { degree: 3, publications: 2, keywords: 1 })),
      flag: (flag) => FLAG_WORDING[flag],
    },
    ...changes,
  };
}

describe('personReport', () => {
  it('puts every record, enquiry and ledger entry in the JSON, with the assessment supervisors see', () => {
    const { json, held } = personReport(holdings());
    expect(held).toBe('1 candidate record, 2 messages, 2 documents, 1 enquiry, 2 reply-ledger entries');
    expect(json).toMatchObject({
      subject: ADDRESS,
      generatedAt: '2026-04-01T12:00:00.000Z',
      candidates: [record],
      enquiries: [{ mailbox: 'chen', messageKey: 'chen/7/3', status: 'sent', to: ADDRESS }],
      replyLedger: [
        { scope: 'robust-ai', kind: 'acknowledgement', state: 'sent' },
        { scope: 'mailbox-chen', kind: 'enquiry', state: 'sent' },
      ],
      bounceSuppressed: false,
      exportedDocuments: [{ candidateId: 'robust-ai-5e1f0a', files: ['CV-ab12cd34.pdf'] }],
    });
    expect(json.assessments).toEqual([
      expect.objectContaining({
        candidateId: 'robust-ai-5e1f0a',
        digestRecipients: ['chen@uni.example', 'okafor@uni.example'],
        fitScore: '3.45 (degree 0.95 × 3 = 2.85, publications 0.2 × 2 = 0.4, keywords 0.2 × 1 = 0.2)',
        flags: [
          { flag: 'hidden-text', meaning: 'a document contains hidden text' },
          { flag: 'unreadable-document', meaning: 'a document could not be read' },
        ],
      }),
    ]);
    expect(json.assessments[0]?.profileSummary).toContain('BSc (Hons) Computer Science, University of Leeds');
    expect(json.notes.join(' ')).toMatch(/mail itself .* stays in the mailbox/);
    // The JSON is what is held, as it is: the record round-trips.
    expect((JSON.parse(JSON.stringify(json)) as typeof json).candidates[0]).toEqual(record);
  });

  it('says in words what is held, how each kind was decided, and what the daemon stores', () => {
    const lines = personReport(holdings()).summary.split('\n');
    expect(lines.slice(0, 3)).toEqual([
      `Personal data held by applicant-triage about ${ADDRESS}`,
      'Generated 2026-04-01 12:00:00 UTC (subject access request, art. 15 GDPR).',
      'Held: 1 candidate record, 2 messages, 2 documents, 1 enquiry, 2 reply-ledger entries.',
    ]);
    expect(lines).toEqual(
      expect.arrayContaining([
        'Vacancy robust-ai: PhD in Robust AI',
        '  Name: Eleanor Hughes',
        '  First seen 2026-03-02 09:15:00 UTC, last seen 2026-03-04 16:40:00 UTC',
        '  Shown in digests to the supervisors: chen@uni.example, okafor@uni.example',
        // A subject from mail stays on its line: the injected header is not a line of its own.
        '    2026-03-02 09:15:00 UTC  "[PHD-robustAI] Application Bcc: evil@example.org" from eleanor.hughes@example.ac.uk (filed in Applications/robust-ai; matched by exact)',
        '      asked for no automatic reply (auto-response-suppress: X-Auto-Response-Suppress: All)',
        `    CV.pdf: cv, 48213 bytes, SHA-256 ${SHA.slice(0, 16)}…`,
        "      kind decided from the content: heading 'Education'; heading 'Publications'; file name 'CV.pdf'",
        '      read: ok (pdf, 2 pages, 3120 characters)',
        '      hidden text (white-text): "expert in everything"',
        `    Reference.pdf: reference, 900 bytes, SHA-256 ${SHA.replace('ab', 'ff').slice(0, 16)}…`,
        "      kind decided from the file name only: file name 'Reference.pdf'; the text could not be read (corrupt)",
        '      read: corrupt (pdf, 0 characters, not a PDF)',
        "    Name on the CV: Eleanor Hughes (matches the sender's name)",
        '    Degree: BSc (Hons) Computer Science, University of Leeds, 2021–2024: First Class Honours (78%) (uk-class, 78/100 on the UK scale, band first)',
        '    Publications: 1 (1 first-author; venues MIUA)',
        '    Language tests: IELTS 7.5 (written "IELTS Academic 7.5")',
        '    Other addresses: e.hughes@leeds.example',
        '    Vacancy keywords found: PyTorch (in CV.pdf); segmentation (in CV.pdf)',
        '    Fit score (orders candidates in a digest): 3.45 (degree 0.95 × 3 = 2.85, publications 0.2 × 2 = 0.4, keywords 0.2 × 1 = 0.2)',
        '  Flags: hidden-text (a document contains hidden text); unreadable-document (a document could not be read)',
        '  Missing: transcript',
        '    2026-03-02 09:15:07 UTC  acknowledgement sent to eleanor.hughes@example.ac.uk: <ack-1@uni.example>',
        '    2026-03-04 16:40:03 UTC  receipt suppressed: auto-response-suppress',
        '  2026-02-20 08:00:00 UTC  mailbox chen, message chen/7/3: enquiry reply sent to eleanor.hughes@example.ac.uk: <enq-1@uni.example>',
        '  robust-ai acknowledgement: sent, Message-ID <ack-1@uni.example>',
        '  mailbox-chen enquiry: sent, Message-ID <enq-1@uni.example>',
        'None: replies to this address are not suppressed.',
        '  /srv/export/robust-ai-5e1f0a: CV-ab12cd34.pdf',
      ]),
    );
    expect(lines.find((line) => line.startsWith('- The mail itself'))).toBeDefined();
    // Nothing from mail reaches the file as a control character (an escape sequence in a file name, a CR LF).
    expect(lines.join('\n')).not.toContain('\u001b');
    expect(lines.join('\n')).not.toContain('\r');
  });

  it('lists the changes operators made to a record (a merge of her two addresses), none when it has none', () => {
    const merged: CandidateRecord = {
      ...record,
      history: [
        {
          at: '2026-03-05T10:00:00.000Z',
          action: 'merge',
          by: 'operator',
          detail: 'merged robust-ai-77aa01 (e.hughes@leeds.example): 1 message, 0 new documents',
        },
      ],
    };
    const lines = personReport({ ...holdings(), candidates: [merged] }).summary.split('\n');
    expect(lines).toEqual(
      expect.arrayContaining([
        '  Changes made by an operator or the daemon (1):',
        '    2026-03-05 10:00:00 UTC  merge by operator: merged robust-ai-77aa01 (e.hughes@leeds.example): 1 message, 0 new documents',
      ]),
    );
    expect(personReport(holdings()).summary).not.toContain('Changes made by');
  });

  it('still answers when nothing is held, and says so', () => {
    const { json, summary, held } = personReport(
      holdings({ candidates: [], enquiries: [], ledger: [], exportedDocuments: null }),
    );
    expect(held).toBe(`Nothing is held about ${ADDRESS}.`);
    expect(json).toMatchObject({ candidates: [], enquiries: [], replyLedger: [], exportedDocuments: [] });
    expect(summary.split('\n')).toEqual(
      expect.arrayContaining([
        `Nothing is held about ${ADDRESS}.`,
        '== Candidate records (0) ==',
        'None: documents are not exported (no export.dir).',
      ]),
    );
  });

  it('counts what an erasure kept: the ledger entries and a bounce suppression', () => {
    const { held, summary } = personReport(
      holdings({ candidates: [], enquiries: [], exportedDocuments: [], bounceSuppressed: true }),
    );
    expect(held).toBe(
      '0 candidate records, 0 messages, 0 documents, 0 enquiries, 2 reply-ledger entries, a bounce suppression',
    );
    expect(summary).toContain('Replies to this address are suppressed now: a reply to it bounced.');
  });

  it('reports a colleague mark: the mailboxes whose Sent folder shows mail to the address', () => {
    const { held, summary, json } = personReport(
      holdings({ candidates: [], enquiries: [], ledger: [], exportedDocuments: [], writtenToBy: ['chen'] }),
    );
    expect(held).toBe(
      '0 candidate records, 0 messages, 0 documents, 0 enquiries, a colleague mark (Sent folder)',
    );
    expect(summary).toContain('The Sent folder of chen shows mail to this address: kept as a keyed hash');
    expect(json.writtenToBy).toEqual(['chen']);
  });

  it("reports the letters a referee wrote, linked or held, without the applicant's record", () => {
    const letters = [
      {
        state: 'linked' as const,
        vacancy: 'robust-ai',
        mailbox: 'chen',
        messageId: '<smith-ref@kcl.example>',
        subject: 'Reference letter',
        receivedAt: '2026-03-05T10:00:00.000Z',
        folder: 'Applications/robust-ai',
        documents: ['Reference.pdf'],
      },
      {
        state: 'held' as const,
        vacancy: null,
        mailbox: 'chen',
        messageId: '<smith-ref-2@kcl.example>',
        subject: 'Second reference',
        receivedAt: '2026-03-06T10:00:00.000Z',
        folder: null,
        documents: [],
      },
    ];
    const { held, summary, json } = personReport(
      holdings({ candidates: [], enquiries: [], ledger: [], exportedDocuments: [], refereeLetters: letters }),
    );
    expect(held).toBe('0 candidate records, 0 messages, 0 documents, 0 enquiries, 2 letters as a referee');
    expect(json.refereeLetters).toEqual(letters);
    const lines = summary.split('\n');
    expect(lines).toContain('== Letters written as a referee (2) ==');
    expect(summary).toMatch(
      /"Reference letter" \(Message-ID <smith-ref@kcl\.example>\): linked to an applicant's record for robust-ai, filed in Applications\/robust-ai; documents: Reference\.pdf/,
    );
    expect(summary).toMatch(
      /"Second reference" .*: held in mailbox chen until the applicant it concerns writes$/m,
    );
    expect(personReport(holdings({ refereeLetters: [] })).summary).toContain(
      '== Letters written as a referee (0) ==\nNone.',
    );
  });
});
