import { describe, expect, it } from 'vitest';
import type {
  CandidateRecord,
  MessageRecord,
  ReplyRecord,
} from '../../../src/candidates/candidate-record.ts';
import { candidateJson, formatCandidates, replyStatus } from '../../../src/cli/format-candidates.ts';
import { candidatesCsv } from '../../../src/cli/run-candidates.ts';
import { CSV_COLUMNS } from '../../../src/stages/digests/digest-csv.ts';
import { testConfig } from '../../support/test-config.ts';
import { messageRecord } from '../../support/records.ts';

function message(
  key: string,
  filedTo: string | null,
  receivedAt = '2025-01-14T08:12:44.000Z',
): MessageRecord {
  return messageRecord(key, receivedAt, { uidValidity: '1700000000', filedTo });
}

function reply(kind: string, status: ReplyRecord['status']): ReplyRecord {
  return {
    kind,
    status,
    at: '2025-01-14T08:13:00.000Z',
    to: 'jane.doe@mail.example',
    detail: '<r@uni.example>',
  };
}

function record(overrides: Partial<CandidateRecord> = {}): CandidateRecord {
  return {
    id: 'robust-ai-3f9c2a1b0d4e',
    vacancy: 'robust-ai',
    name: 'Jane Doe',
    email: 'jane.doe@mail.example',
    documents: [
      {
        filename: 'CV_Jane_Doe.pdf',
        safeName: 'CV_Jane_Doe.pdf',
        within: [],
        kind: 'cv',
        contentType: 'application/pdf',
        size: 193,
        sha256: 'a'.repeat(64),
        message: '<m1@mail.example>',
        reading: null,
      },
    ],
    missing: ['transcript'],
    flags: ['tag-variant'],
    messages: [message('<m1@mail.example>', 'Applications/robust-ai')],
    replies: [],
    acknowledges: null,
    firstSeen: '2025-01-14T08:12:44.000Z',
    lastSeen: '2025-01-14T08:12:44.000Z',
    history: [],
    references: [],
    ...overrides,
  };
}

describe('candidateJson', () => {
  it('public-shape: exactly the designed fields, plus folders, replies, history, topics and registration', () => {
    const json = candidateJson(record());
    expect(Object.keys(json).sort()).toEqual([
      'decision',
      'documents',
      'email',
      'firstSeen',
      'flags',
      'folders',
      'history',
      'id',
      'lastSeen',
      'messages',
      'missing',
      'name',
      'profile',
      'references',
      'registration',
      'replies',
      'status',
      'topics',
      'vacancy',
    ]);
    expect({ ...json, profile: undefined }).toEqual({
      id: 'robust-ai-3f9c2a1b0d4e',
      vacancy: 'robust-ai',
      name: 'Jane Doe',
      email: 'jane.doe@mail.example',
      documents: [
        {
          filename: 'CV_Jane_Doe.pdf',
          kind: 'cv',
          kindSource: 'filename',
          evidence: [],
          extraction: null,
          within: [],
        },
      ],
      missing: ['transcript'],
      flags: ['tag-variant'],
      messages: 1,
      firstSeen: '2025-01-14T08:12:44.000Z',
      lastSeen: '2025-01-14T08:12:44.000Z',
      folders: ['Applications/robust-ai'],
      replies: [],
      history: [],
      topics: [],
      registration: '',
      references: [],
      profile: undefined,
      status: null,
      decision: null,
    });
  });

  it("status: the supervisor's status and where it came from", () => {
    const decision = {
      status: 'shortlisted',
      at: '2025-01-20T10:00:00.000Z',
      via: 'keyword' as const,
      folder: 'Applications/robust-ai',
      message: '<m1@mail.example>',
    };
    const json = candidateJson(record({ decision }));
    expect(json.status).toBe('shortlisted');
    expect(json.decision).toEqual(decision);
  });

  it('referees: each linked letter with its referee and how it was linked, and a REFERENCES column', () => {
    const linked = record({
      references: [
        {
          key: '<ref@kcl.example>',
          messageId: '<ref@kcl.example>',
          subject: 'Reference for Jane Doe',
          receivedAt: '2025-01-15T09:00:00.000Z',
          referee: { name: 'Dr John Smith', address: 'j.smith@kcl.example' },
          linkedBy: { rule: 'name', detail: 'names "Jane Doe"' },
          filedTo: 'Applications/robust-ai',
          mailbox: 'chen',
          noReply: null,
        },
      ],
    });
    expect(candidateJson(linked).references).toEqual([
      {
        name: 'Dr John Smith',
        email: 'j.smith@kcl.example',
        linkedBy: { rule: 'name', detail: 'names "Jane Doe"' },
        receivedAt: '2025-01-15T09:00:00.000Z',
        filedTo: 'Applications/robust-ai',
      },
    ]);
    const table = formatCandidates([linked, record({ id: 'other', email: 'x@mail.example' })]).split('\n');
    expect(table[0]).toMatch(/REFERENCES$/);
    expect(table[1]).toMatch(/1 \(Dr John Smith\)$/);
    expect(table[2]).toMatch(/ -$/);
  });

  it('documents carry their kind and how it was read, but no digests, sizes or internal names', () => {
    const [document] = candidateJson(record()).documents;
    expect(Object.keys(document ?? {}).sort()).toEqual([
      'evidence',
      'extraction',
      'filename',
      'kind',
      'kindSource',
      'within',
    ]);
  });

  it('messages is a count', () => {
    const json = candidateJson(
      record({ messages: [message('<m1@x>', null), message('<m2@x>', null), message('<m3@x>', null)] }),
    );
    expect(json.messages).toBe(3);
  });

  it('folders: each folder once, unfiled messages left out', () => {
    const json = candidateJson(
      record({
        messages: [
          message('<m1@x>', 'Applications/robust-ai'),
          message('<m2@x>', null),
          message('<m3@x>', 'Applications/robust-ai'),
          message('<m4@x>', 'INBOX.Applications.robust-ai'),
        ],
      }),
    );
    expect(json.folders).toEqual(['Applications/robust-ai', 'INBOX.Applications.robust-ai']);
  });

  it('folders: empty while nothing is filed', () => {
    expect(candidateJson(record({ messages: [message('<m1@x>', null)] })).folders).toEqual([]);
  });

  it('serialises to the same JSON after a round-trip (no undefined, dates as strings)', () => {
    const json = candidateJson(record());
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });
});

describe('formatCandidates', () => {
  it('empty: says so', () => {
    expect(formatCandidates([])).toBe('No candidates yet.');
  });

  it('table: a header and one aligned row per candidate', () => {
    const table = formatCandidates([
      record({ replies: [reply('acknowledgement', 'sent')] }),
      record({
        vacancy: 'med-imaging',
        name: '',
        email: 'li.wei@mail.example',
        documents: [],
        missing: [],
        flags: [],
        messages: [message('<m1@x>', null), message('<m2@x>', null)],
        lastSeen: '2025-01-15T02:39:58.000Z',
      }),
    ]);
    expect(table).toBe(
      [
        'VACANCY      NAME       EMAIL                  DOCUMENTS  MISSING     FLAGS        MSGS  REPLY                 LAST SEEN',
        'robust-ai    Jane Doe   jane.doe@mail.example  cv         transcript  tag-variant  1     acknowledgement sent  2025-01-14 08:12',
        'med-imaging  (no name)  li.wei@mail.example    -          -           -            2     -                     2025-01-15 02:39',
      ].join('\n'),
    );
  });

  it('history: the latest change beyond mail, in a column only when a candidate has one', () => {
    const merged = record({
      history: [
        { at: '2026-03-09T08:00:00.000Z', action: 'resend', by: 'operator', detail: 'acknowledgement' },
        { at: '2026-03-10T09:00:00.000Z', action: 'merge', by: 'operator', detail: 'merged robust-ai-x' },
      ],
    });
    const [header, row, other] = formatCandidates([merged, record({ history: [] })]).split('\n');
    expect(header).toMatch(/LAST SEEN +HISTORY$/);
    expect(row).toMatch(/2025-01-14 08:12 +merge 2026-03-10 by operator$/);
    expect(other).toMatch(/2025-01-14 08:12 +-$/);
    expect(formatCandidates([record({ history: [] })])).not.toContain('HISTORY');
  });

  it.each([
    ['ANSI colour', 'Jane \u001b[31mDoe\u001b[0m'],
    ['ANSI clear screen', '\u001b[2J\u001b[HJane'],
    ['OSC title', '\u001b]0;pwned\u0007Jane'],
    ['8-bit CSI', 'Jane\u009b31mDoe'],
    ['carriage return', 'Jane\rEVIL'],
    ['newline', 'Jane\nvacancy-x  Fake Row'],
    ['backspace', 'Jane\b\b\b\bEVIL'],
    ['right-to-left override', 'Jane \u202eeoD'],
    ['zero-width joiner', 'Ja\u200dne'],
  ])('terminal-safety (%s): no control or format character reaches the terminal', (_case, name) => {
    const table = formatCandidates([record({ name, email: `x${name}@mail.example` })]);
    expect(table.replace(/\n/g, '')).not.toMatch(/[\p{Cc}\p{Cf}]/u);
    expect(table.split('\n')).toHaveLength(2);
  });

  it('terminal-safety: an escape sequence is removed whole, not interpreted', () => {
    const table = formatCandidates([record({ name: 'Jane \u001b[31mDoe\u001b]0;pwned\u0007' })]);
    expect(table).toContain('Jane Doe ');
    expect(table).not.toContain('pwned');
  });

  it('terminal-safety: control characters in other columns are neutralised too', () => {
    const table = formatCandidates([
      record({ vacancy: 'robust-ai\u001b[2J', email: 'jane\u0007@mail.example' }),
    ]);
    expect(table).not.toContain('\u001b');
    expect(table).not.toContain('\u0007');
  });

  it('names in other scripts are kept as they are', () => {
    expect(formatCandidates([record({ name: '李伟 Jürgen Müller' })])).toContain('李伟 Jürgen Müller');
  });

  it('cjk-width: wide characters count two columns, so the next column lines up', () => {
    const [, wide = '', narrow = ''] = formatCandidates([
      record({ name: '李明' }),
      record({ name: 'Anna' }),
    ]).split('\n');
    // Columns before the e-mail, measured as a terminal shows them (each CJK character is two columns).
    const columnsBeforeEmail = (line: string) =>
      [...line.slice(0, line.indexOf('jane.doe@'))].reduce(
        (width, c) => width + (/[\u4E00-\u9FFF]/u.test(c) ? 2 : 1),
        0,
      );
    expect(columnsBeforeEmail(wide)).toBe(columnsBeforeEmail(narrow));
  });
});

describe('replyStatus', () => {
  it('status column: only once a supervisor gave a status, "-" for the others', () => {
    const decided = record({
      decision: {
        status: 'declined',
        at: '2025-01-20T10:00:00.000Z',
        via: 'folder',
        folder: 'Applications/robust-ai/Declined',
        message: '<m1@mail.example>',
      },
    });
    expect(formatCandidates([record()])).not.toContain('STATUS');
    const [header, first, second] = formatCandidates([decided, record({ email: 'bo@mail.example' })]).split(
      '\n',
    );
    expect(header).toMatch(/ STATUS$/);
    expect(first).toMatch(/ declined$/);
    expect(second).toMatch(/ -$/);
  });

  it('reply-status: the latest reply and what became of it, or - before any', () => {
    expect(replyStatus(record())).toBe('-');
    expect(
      replyStatus(record({ replies: [reply('acknowledgement', 'sent'), reply('complete', 'unconfirmed')] })),
    ).toBe('complete unconfirmed');
  });
});

describe('candidatesCsv', () => {
  const config = testConfig({
    imap: { host: '127.0.0.1', port: 1, user: 'u', pass: 'p' },
    smtpPort: 1,
    prefix: 'csv',
  });

  it("candidates-csv: the digest CSV's columns after a vacancy column, one row per candidate of the vacancies asked for", () => {
    const other = record({ vacancy: 'med-imaging', id: 'med-imaging-1', email: 'li.wei@mail.example' });
    const csv = candidatesCsv(config, ['robust-ai'], [record(), other]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe(['vacancy', ...CSV_COLUMNS].join(','));
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^robust-ai,robust-ai-3f9c2a1b0d4e,Jane Doe,jane\.doe@mail\.example,/);
    expect(lines[2]).toBe('');
    expect(candidatesCsv(config, ['robust-ai', 'med-imaging'], [record(), other]).split('\r\n')).toHaveLength(
      4,
    );
  });

  it('csv-formula-safe: a name a spreadsheet would run as a formula is quoted as text', () => {
    const csv = candidatesCsv(
      config,
      ['robust-ai'],
      [record({ name: '=HYPERLINK("http://evil.example","x")' })],
    );
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    expect(csv).not.toMatch(/,=HYPERLINK/);
  });
});
