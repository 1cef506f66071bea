import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadConfig, parseConfig, resolveConfigPath } from '../../../src/config/load-config.ts';
import { TriageError } from '../../../src/errors/triage-error.ts';

const EXAMPLE_PATH = fileURLToPath(new URL('../../../config/triage.example.yaml', import.meta.url));
const SECRETS = { IMAP_PASSWORD: 'imap-secret', SMTP_PASSWORD: 'smtp-secret' };
const OCR_DEFAULTS = {
  enabled: true,
  languages: ['eng', 'deu', 'fra', 'ita', 'spa', 'por', 'chi_sim'],
  maxPages: 10,
  timeoutSeconds: 120,
  dpi: 200,
  memoryMb: 512,
};

const MINIMAL_YAML = `
mailboxes:
  - id: chen
    address: Chen@Uni.example
    imap: { host: imap.uni.example, auth: { user: chen, pass: hunter2 } }
    smtp: { host: smtp.uni.example }
    from: '"Dr Chen" <chen@uni.example>'
vacancies:
  - id: robust-ai
    tag: PHD-robustAI
    title: PhD in Robust AI
    supervisors: [Chen@Uni.example]
`;

type Raw = Record<string, unknown>;

function mailbox(id: string, extra: Raw = {}): Raw {
  return {
    id,
    address: `${id}@uni.example`,
    imap: { host: 'imap.uni.example', auth: { user: id, pass: 'pw' } },
    smtp: { host: 'smtp.uni.example' },
    from: `${id}@uni.example`,
    ...extra,
  };
}

function vacancy(id: string, tag: string, extra: Raw = {}): Raw {
  return { id, tag, title: `Vacancy ${id}`, supervisors: ['chen@uni.example'], ...extra };
}

/** JSON is YAML: a configuration built as an object, as text. */
function yaml(raw: Raw): string {
  return JSON.stringify(raw);
}

function configError(text: string, env: NodeJS.ProcessEnv = {}): TriageError {
  try {
    parseConfig(text, env, 'triage.yaml');
  } catch (error) {
    if (error instanceof TriageError) return error;
    throw error;
  }
  throw new Error('parseConfig accepted the configuration');
}

function expectInvalid(text: string, message: string, env: NodeJS.ProcessEnv = {}): void {
  const error = configError(text, env);
  expect(error.code).toBe('config-invalid');
  expect(error.retryable).toBe(false);
  expect(error.message).toBe(`triage.yaml: ${message}`);
}

describe('parseConfig', () => {
  describe('the shipped example', () => {
    it('config/triage.example.yaml parses with IMAP_PASSWORD and SMTP_PASSWORD set, values as documented', async () => {
      const config = parseConfig(await readFile(EXAMPLE_PATH, 'utf8'), SECRETS, EXAMPLE_PATH);
      // toMatchObject: keys added later to the schema do not break this; every documented value is pinned.
      expect(config).toMatchObject({
        redis: { url: 'redis://127.0.0.1:6379', prefix: 'triage' },
        mailboxes: [
          {
            id: 'chen',
            address: 'chen@uni.example',
            imap: {
              host: 'imap.uni.example',
              port: 993,
              secure: true,
              auth: { user: 'chen', pass: 'imap-secret' },
              allowSelfSigned: false,
            },
            smtp: {
              host: 'smtp.uni.example',
              port: 587,
              secure: false,
              auth: { user: 'chen', pass: 'smtp-secret' },
              allowSelfSigned: false,
            },
            from: '"Dr Chen" <chen@uni.example>',
            watch: 'INBOX',
            filing: 'Applications',
            reconcileSeconds: 60,
            backfillDays: 14,
            leaseSeconds: 30,
            maxConnections: 8,
          },
        ],
        vacancies: [
          {
            id: 'robust-ai',
            mailbox: 'chen',
            tag: 'PHD-robustAI',
            title: 'PhD in Robust and Adaptive AI for Medical Imaging and Precision Medicine',
            supervisors: ['chen@uni.example'],
            documents: { required: ['cv', 'transcript'], optional: ['research'] },
            deadline: '2030-12-02T12:00:00Z',
            answerEnquiries: false,
          },
          {
            id: 'medical-ai',
            mailbox: 'chen',
            title: 'DPhil topics in machine learning for medical imaging',
            topics: [
              {
                phrase: 'multi-modal machine learning for medical image, signal, language',
                synonyms: ['multimodal learning', 'vision-language models'],
              },
              {
                phrase: 'agentic workflows for medical image analysis',
                synonyms: ['agentic workflows', 'AI agents'],
              },
              { phrase: 'machine learning for human factor/skill analysis in medical imaging', synonyms: [] },
              {
                phrase: 'human-in-the-loop learning and inference approaches for medical imaging',
                synonyms: ['human-in-the-loop', 'interactive segmentation'],
              },
            ],
            programmes: [
              expect.objectContaining({ name: 'DPhil in Engineering Science', deadline: '2030-12-02T12:00' }),
              expect.objectContaining({
                name: 'EPSRC CDT in Health Data Science',
                aliases: ['Health Data Science CDT'],
              }),
            ],
            timezone: 'Europe/London',
            timezoneName: 'UK time',
            answerEnquiries: true,
            replyNote:
              'Due to the high volume of inquiries as the deadline approaches, I may not be able to respond to all ' +
              'emails. A lack of reply is not a reflection of your qualifications or potential.',
          },
        ],
        enquirers: { excludeSent: true, excludeOwnDomain: true, allow: [], deny: [], sentCheckSeconds: 900 },
        digest: { schedule: '0 8 * * 1-5', timezone: 'Europe/London' },
        limits: {
          maxMessageBytes: 41943040,
          maxAttachments: 100,
          maxNestingDepth: 3,
          maxUnpackedBytes: 41943040,
          maxUnpackSeconds: 10,
        },
        workers: { concurrency: 4, attempts: 12, shutdownSeconds: 20 },
        log: { level: 'info' },
      });
    });

    it('review-folder: a review folder that is the watched or the filing folder is refused, naming the key', () => {
      const withReview = (folder: string) =>
        MINIMAL_YAML.replace(
          '    from: \'"Dr Chen" <chen@uni.example>\'\n',
          `    from: '"Dr Chen" <chen@uni.example>'\n    review: ${folder}\n`,
        );
      expectInvalid(
        withReview('INBOX'),
        'mailboxes[0].review: must be a folder of its own, not the watched folder',
      );
      expectInvalid(
        withReview('Applications/'),
        'mailboxes[0].review: must be a folder of its own, not the filing folder',
      );
      expect(parseConfig(withReview('Triage/Review'), {}).mailboxes[0]?.review).toBe('Triage/Review');
    });

    it('example-without-secrets: both missing variables are named with their keys', async () => {
      expectInvalid(
        await readFile(EXAMPLE_PATH, 'utf8'),
        'mailboxes[0].imap.auth.pass: environment variable IMAP_PASSWORD is not set; ' +
          'mailboxes[0].smtp.auth.pass: environment variable SMTP_PASSWORD is not set',
      );
    });

    it('every value the example marks "# default" is the default a minimal config gets', async () => {
      const example = parseConfig(await readFile(EXAMPLE_PATH, 'utf8'), SECRETS);
      const minimal = parseConfig(MINIMAL_YAML, {});
      const [exampleMailbox, minimalMailbox] = [example.mailboxes[0], minimal.mailboxes[0]];
      expect(example.redis).toEqual(minimal.redis);
      expect(example.limits).toEqual(minimal.limits);
      expect(example.workers).toEqual(minimal.workers);
      expect(example.extraction).toEqual(minimal.extraction);
      expect(example.log).toEqual(minimal.log);
      expect(example.digest.schedule).toBe(minimal.digest.schedule);
      expect({ ...exampleMailbox?.imap, host: '', auth: null }).toEqual({
        ...minimalMailbox?.imap,
        host: '',
        auth: null,
      });
      expect({ ...exampleMailbox?.smtp, host: '', auth: null }).toEqual({
        ...minimalMailbox?.smtp,
        host: '',
        auth: null,
      });
      for (const key of [
        'watch',
        'filing',
        'reconcileSeconds',
        'backfillDays',
        'leaseSeconds',
        'maxConnections',
      ] as const) {
        expect(exampleMailbox?.[key]).toBe(minimalMailbox?.[key]);
      }
    });
  });

  it('minimal-config: every optional key gets its default and addresses are lower-cased', () => {
    const config = parseConfig(MINIMAL_YAML, {});
    expect(config.export).toBeUndefined();
    expect(config.vacancies[0]?.deadline).toBeUndefined();
    expect(config.mailboxes[0]?.smtp.auth).toBeUndefined();
    expect(config).toMatchObject({
      redis: { url: 'redis://127.0.0.1:6379', prefix: 'triage' },
      mailboxes: [
        {
          id: 'chen',
          address: 'chen@uni.example',
          imap: {
            host: 'imap.uni.example',
            port: 993,
            secure: true,
            auth: { user: 'chen', pass: 'hunter2' },
            allowSelfSigned: false,
          },
          smtp: { host: 'smtp.uni.example', port: 587, secure: false, allowSelfSigned: false },
          from: '"Dr Chen" <chen@uni.example>',
          watch: 'INBOX',
          filing: 'Applications',
          reconcileSeconds: 60,
          backfillDays: 14,
          leaseSeconds: 30,
          maxConnections: 8,
        },
      ],
      vacancies: [
        {
          id: 'robust-ai',
          mailbox: 'chen',
          tag: 'PHD-robustAI',
          title: 'PhD in Robust AI',
          supervisors: ['chen@uni.example'],
          documents: { required: ['cv'], optional: [] },
        },
      ],
      digest: { schedule: '0 8 * * 1-5', timezone: 'UTC' },
      limits: {
        maxMessageBytes: 40 * 1024 * 1024,
        maxAttachments: 100,
        maxNestingDepth: 3,
        maxUnpackedBytes: 40 * 1024 * 1024,
        maxUnpackSeconds: 10,
      },
      workers: { concurrency: 4, attempts: 12, shutdownSeconds: 20 },
      log: { level: 'info' },
    });
  });

  describe('errors name the key and the problem', () => {
    it('vacancy-without-tag: "vacancies[1].tag: required, unless … an open call"', () => {
      const raw = {
        mailboxes: [mailbox('chen')],
        vacancies: [
          vacancy('robust-ai', 'PHD-robustAI'),
          { id: 'med', title: 'T', supervisors: ['a@b.example'] },
        ],
      };
      expectInvalid(
        yaml(raw),
        'vacancies[1].tag: required, unless the vacancy is an open call with topics or programmes',
      );
    });

    it('open-call: a vacancy without a tag needs topics or programmes; its deadlines need a real date and a zone', () => {
      const call = (extra: Raw) => ({
        mailboxes: [mailbox('chen')],
        vacancies: [{ id: 'open', title: 'Topics', supervisors: ['a@b.example'], ...extra }],
      });
      const parsed = parseConfig(yaml(call({ topics: ['agentic workflows'] })), {}, 'triage.yaml');
      expect(parsed.vacancies[0]?.tag).toBeUndefined();
      expect(parsed.vacancies[0]).toMatchObject({
        topics: [{ phrase: 'agentic workflows', synonyms: [] }],
        answerEnquiries: false,
      });
      expectInvalid(
        yaml(call({ programmes: [{ name: 'DPhil', deadline: '2030-12-02T12:00' }] })),
        'vacancies[0].programmes[0].deadline: has no offset: set the vacancy timezone (e.g. Europe/London) or write one (…Z, +01:00)',
      );
      expectInvalid(
        yaml(
          call({ programmes: [{ name: 'DPhil', deadline: '2030-02-30T12:00' }], timezone: 'Europe/London' }),
        ),
        'vacancies[0].programmes[0].deadline: is not a real date',
      );
      expectInvalid(
        yaml({ ...call({ topics: ['x y z'] }), enquirers: { deny: ['journal.example'] } }),
        'enquirers.deny[0]: must be an address (a@b.org) or a domain (@b.org)',
      );
    });

    it('unknown-key: a misspelt key is rejected by name ("mailboxes[0].imapp: unknown key")', () => {
      const raw = { mailboxes: [mailbox('chen', { imapp: {} })], vacancies: [vacancy('a', 'PHD-a')] };
      expectInvalid(yaml(raw), 'mailboxes[0].imapp: unknown key');
    });

    it('unknown-top-level-key: a top-level key is named without a path prefix', () => {
      const raw = { mailboxes: [mailbox('chen')], vacancies: [vacancy('a', 'PHD-a')], vacancy: [] };
      expectInvalid(yaml(raw), 'vacancy: unknown key');
    });

    it('wrong-type: a port that is not a number is named', () => {
      const raw = {
        mailboxes: [mailbox('chen', { imap: { host: 'h', port: 'imaps', auth: { user: 'u', pass: 'p' } } })],
        vacancies: [vacancy('a', 'PHD-a')],
      };
      expectInvalid(yaml(raw), 'mailboxes[0].imap.port: expected number, received string');
    });

    it('wrong-type: a list where a mapping belongs is named at the top level', () => {
      expectInvalid('- 1\n- 2\n', '(top level): expected object, received array');
    });

    it('out-of-range: an out-of-range number names its key', () => {
      const raw = {
        mailboxes: [mailbox('chen', { reconcileSeconds: 1 })],
        vacancies: [vacancy('a', 'PHD-a')],
      };
      expect(configError(yaml(raw)).message).toMatch(/^triage\.yaml: mailboxes\[0\]\.reconcileSeconds: /);
    });

    it('too-few-connections: mailboxes[].maxConnections below 2 (the watcher and the workers) names its key', () => {
      const raw = {
        mailboxes: [mailbox('chen', { maxConnections: 1 })],
        vacancies: [vacancy('a', 'PHD-a')],
      };
      expect(configError(yaml(raw)).message).toMatch(/^triage\.yaml: mailboxes\[0\]\.maxConnections: .*>=2/);
    });

    it('extraction: an out-of-range limit names its key; keywords are a list of words', () => {
      const raw = {
        mailboxes: [mailbox('chen')],
        vacancies: [vacancy('a', 'PHD-a', { keywords: ['PyTorch', 'x'] })],
        extraction: { timeoutSeconds: 0, memoryMb: '${MEM}' },
      };
      const message = configError(yaml(raw), { MEM: '256' }).message;
      expect(message).toMatch(/extraction\.timeoutSeconds: /);
      expect(message).toMatch(/vacancies\[0\]\.keywords\[1\]: must have at least 2 characters/);
      expect(message).not.toMatch(/memoryMb/);
      const valid = parseConfig(
        yaml({ ...raw, vacancies: [vacancy('a', 'PHD-a', { keywords: [' PyTorch '] })], extraction: {} }),
        {},
      );
      expect(valid.vacancies[0]?.keywords).toEqual(['PyTorch']);
      expect(valid.extraction).toEqual({
        timeoutSeconds: 30,
        maxBytes: 40 * 1024 * 1024,
        maxPages: 300,
        maxTextChars: 2_000_000,
        maxUnzippedBytes: 200 * 1024 * 1024,
        memoryMb: 160,
        threads: 0,
        messageSeconds: 60,
        messageDocuments: 20,
        messageBytes: 100 * 1024 * 1024,
        ocr: OCR_DEFAULTS,
      });
    });

    it('bad-email: a mailbox address that is not an address', () => {
      const raw = {
        mailboxes: [mailbox('chen', { address: 'chen at uni' })],
        vacancies: [vacancy('a', 'PHD-a')],
      };
      expectInvalid(yaml(raw), 'mailboxes[0].address: must be an e-mail address');
    });

    it('bad-email: a supervisor address is checked with its index', () => {
      const raw = {
        mailboxes: [mailbox('chen')],
        vacancies: [vacancy('a', 'PHD-a', { supervisors: ['chen@uni.example', 'okafor'] })],
      };
      expectInvalid(yaml(raw), 'vacancies[0].supervisors[1]: must be an e-mail address');
    });

    it.each([['2026-12-02'], ['tomorrow'], ['2026-12-02 12:00']])(
      'bad-deadline: %j is refused',
      (deadline) => {
        const raw = { mailboxes: [mailbox('chen')], vacancies: [vacancy('a', 'PHD-a', { deadline })] };
        expectInvalid(
          yaml(raw),
          'vacancies[0].deadline: must be an ISO 8601 date-time, e.g. 2026-12-02T12:00:00Z',
        );
      },
    );

    it('deadline-with-offset: an offset date-time is accepted as written', () => {
      const raw = {
        mailboxes: [mailbox('chen')],
        vacancies: [vacancy('a', 'PHD-a', { deadline: '2026-12-02T12:00:00+01:00' })],
      };
      expect(parseConfig(yaml(raw), {}).vacancies[0]?.deadline).toBe('2026-12-02T12:00:00+01:00');
    });

    it.each([['robust ai'], ['-robust'], ['robust.ai'], ['x'.repeat(65)], ['']])(
      'bad-id: %j is refused',
      (id) => {
        const raw = { mailboxes: [mailbox('chen')], vacancies: [vacancy(id, 'PHD-a')] };
        expectInvalid(
          yaml(raw),
          'vacancies[0].id: must be 1-64 letters, digits, "-" or "_", starting with a letter or digit',
        );
      },
    );

    it('unknown-document-kind: a kind outside the list names the entry', () => {
      const raw = {
        mailboxes: [mailbox('chen')],
        vacancies: [vacancy('a', 'PHD-a', { documents: { required: ['cv', 'photo'] } })],
      };
      expect(configError(yaml(raw)).message).toMatch(
        /^triage\.yaml: vacancies\[0\]\.documents\.required\[1\]: /,
      );
    });

    it('empty-file: both required lists are reported', () => {
      expectInvalid('', 'mailboxes: required; vacancies: required');
    });

    it('empty-lists: a configuration with no mailbox and no vacancy says so', () => {
      expectInvalid(
        yaml({ mailboxes: [], vacancies: [] }),
        'mailboxes: must list at least one mailbox; vacancies: must list at least one vacancy',
      );
    });

    it('several-problems: all of them are reported in one message, each with its key', () => {
      const raw = {
        mailboxes: [mailbox('chen', { address: 'nope', imapp: 1 })],
        vacancies: [vacancy('robust ai', 'PHD-a'), { id: 'b', title: 'T', supervisors: ['a@b.example'] }],
      };
      const error = configError(yaml(raw));
      expect(error.code).toBe('config-invalid');
      const problems = error.message.replace(/^triage\.yaml: /, '').split('; ');
      expect(problems).toHaveLength(4);
      expect(problems).toEqual(
        expect.arrayContaining([
          'mailboxes[0].address: must be an e-mail address',
          'mailboxes[0].imapp: unknown key',
          'vacancies[0].id: must be 1-64 letters, digits, "-" or "_", starting with a letter or digit',
          'vacancies[1].tag: required, unless the vacancy is an open call with topics or programmes',
        ]),
      );
    });
  });

  it('tag-without-letters: a tag of punctuation only is refused', () => {
    expectInvalid(
      yaml({ mailboxes: [mailbox('chen')], vacancies: [vacancy('robust-ai', '--')] }),
      'vacancies[0].tag: must contain at least 2 letters or digits',
    );
  });

  describe('${VAR} substitution', () => {
    const WITH_VARIABLES = `
mailboxes:
  - id: chen
    address: chen@uni.example
    imap: { host: '\${IMAP_HOST}', auth: { user: chen, pass: '\${IMAP_PASSWORD}' } }
    smtp: { host: smtp.uni.example, auth: { user: chen, pass: 'pre-\${SMTP_PASSWORD}-post' } }
    from: chen@uni.example
vacancies:
  - id: robust-ai
    tag: PHD-robustAI
    title: PhD
    supervisors: ['\${SUPERVISOR}']
`;
    const ENV = {
      IMAP_HOST: 'imap.uni.example',
      IMAP_PASSWORD: 'i-pw',
      SMTP_PASSWORD: 's-pw',
      SUPERVISOR: 'Okafor@Uni.example',
    };

    it('whole-value-typed: port: ${SMTP_PORT} becomes a number, secure: ${SECURE} a boolean', () => {
      const text = yaml({
        mailboxes: [
          mailbox('chen', { smtp: { host: 'smtp.uni.example', port: '${SMTP_PORT}', secure: '${SECURE}' } }),
        ],
        vacancies: [vacancy('robust-ai', 'PHD-robustAI')],
      });
      const config = parseConfig(text, { SMTP_PORT: '2525', SECURE: 'true' });
      expect(config.mailboxes[0]?.smtp).toMatchObject({ port: 2525, secure: true });
    });

    it('whole-value-string: a password that looks like a number stays a string', () => {
      const text = yaml({
        mailboxes: [mailbox('chen', { imap: { host: 'h', auth: { user: 'u', pass: '${IMAP_PASSWORD}' } } })],
        vacancies: [vacancy('robust-ai', 'PHD-robustAI')],
      });
      expect(parseConfig(text, { IMAP_PASSWORD: '123456' }).mailboxes[0]?.imap.auth?.pass).toBe('123456');
    });

    it('variables are substituted inside strings and lists, and the result is validated', () => {
      const config = parseConfig(WITH_VARIABLES, ENV);
      expect(config.mailboxes[0]?.imap.host).toBe('imap.uni.example');
      expect(config.mailboxes[0]?.imap.auth?.pass).toBe('i-pw');
      expect(config.mailboxes[0]?.smtp.auth?.pass).toBe('pre-s-pw-post');
      expect(config.vacancies[0]?.supervisors).toEqual(['okafor@uni.example']);
    });

    it('an empty variable is substituted as empty, not reported as missing', () => {
      const config = parseConfig(WITH_VARIABLES, { ...ENV, IMAP_PASSWORD: '' });
      expect(config.mailboxes[0]?.imap.auth?.pass).toBe('');
    });

    it('missing-variable: "mailboxes[0].imap.auth.pass: environment variable IMAP_PASSWORD is not set"', () => {
      const env: NodeJS.ProcessEnv = { ...ENV, IMAP_PASSWORD: undefined };
      const error = configError(WITH_VARIABLES, env);
      expect(error.code).toBe('config-invalid');
      expect(error.message).toBe(
        'triage.yaml: mailboxes[0].imap.auth.pass: environment variable IMAP_PASSWORD is not set',
      );
    });

    it('missing-variable-in-list: the list index is part of the key', () => {
      const env: NodeJS.ProcessEnv = { ...ENV, SUPERVISOR: undefined };
      const error = configError(WITH_VARIABLES, env);
      expect(error.message).toContain(
        'vacancies[0].supervisors[0]: environment variable SUPERVISOR is not set',
      );
    });

    it('substituted-value-validated: a variable holding a bad address is reported at its key', () => {
      expectInvalid(WITH_VARIABLES, 'vacancies[0].supervisors[0]: must be an e-mail address', {
        ...ENV,
        SUPERVISOR: 'okafor',
      });
    });

    it('escape: "$${X}" is the literal "${X}", even when X is unset', () => {
      const text = MINIMAL_YAML.replace('pass: hunter2', () => "pass: 'a$${IMAP_PASSWORD}b'");
      expect(parseConfig(text, {}).mailboxes[0]?.imap.auth?.pass).toBe('a${IMAP_PASSWORD}b');
    });

    it('escape-and-variable: an escaped and a real reference in one value', () => {
      const text = MINIMAL_YAML.replace('pass: hunter2', () => "pass: '$${LITERAL}:${REAL}'");
      expect(parseConfig(text, { REAL: 'x', LITERAL: 'never' }).mailboxes[0]?.imap.auth?.pass).toBe(
        '${LITERAL}:x',
      );
    });

    it('a lone "$" or "$NAME" without braces is left alone', () => {
      const text = MINIMAL_YAML.replace('pass: hunter2', () => "pass: 'p$ss$HOME'");
      expect(parseConfig(text, { HOME: '/root' }).mailboxes[0]?.imap.auth?.pass).toBe('p$ss$HOME');
    });
  });

  describe('cross-references', () => {
    it('duplicate-vacancy-ids: the second is named', () => {
      const raw = {
        mailboxes: [mailbox('chen')],
        vacancies: [vacancy('robust-ai', 'PHD-robustAI'), vacancy('robust-ai', 'DPHIL-MedIm')],
      };
      expectInvalid(yaml(raw), 'vacancies[1].id: same as vacancies[0].id');
    });

    it('duplicate-vacancy-ids-case: ids differing only in case are the same', () => {
      const raw = {
        mailboxes: [mailbox('chen')],
        vacancies: [vacancy('robust-ai', 'PHD-robustAI'), vacancy('Robust-AI', 'DPHIL-MedIm')],
      };
      expectInvalid(yaml(raw), 'vacancies[1].id: same as vacancies[0].id');
    });

    it('duplicate-mailbox-ids: the second is named', () => {
      const raw = {
        mailboxes: [mailbox('chen'), mailbox('chen', { address: 'other@uni.example' })],
        vacancies: [vacancy('robust-ai', 'PHD-robustAI', { mailbox: 'chen' })],
      };
      expectInvalid(yaml(raw), 'mailboxes[1].id: same as mailboxes[0].id');
    });

    it('duplicate-tags: "PHD-robustAI" and "phd robustai" are the same tag after normalisation', () => {
      const raw = {
        mailboxes: [mailbox('chen')],
        vacancies: [
          vacancy('robust-ai', 'PHD-robustAI'),
          vacancy('med', 'DPHIL-MedIm'),
          vacancy('robust-ai-2', 'phd robustai'),
        ],
      };
      expectInvalid(yaml(raw), 'vacancies[2].tag: same as vacancies[0].tag');
    });

    it('duplicate-tags-brackets: "[PHD_robust_AI]" is the same tag as "PHD-robustAI"', () => {
      const raw = {
        mailboxes: [mailbox('chen')],
        vacancies: [vacancy('robust-ai', 'PHD-robustAI'), vacancy('other', '[PHD_robust_AI]')],
      };
      expectInvalid(yaml(raw), 'vacancies[1].tag: same as vacancies[0].tag');
    });

    it('one-mailbox: a vacancy without mailbox belongs to the only mailbox', () => {
      const raw = { mailboxes: [mailbox('chen')], vacancies: [vacancy('a', 'PHD-a')] };
      expect(parseConfig(yaml(raw), {}).vacancies[0]?.mailbox).toBe('chen');
    });

    it('two-mailboxes: vacancy.mailbox is required', () => {
      const raw = {
        mailboxes: [mailbox('chen'), mailbox('okafor')],
        vacancies: [vacancy('a', 'PHD-a', { mailbox: 'okafor' }), vacancy('b', 'PHD-b')],
      };
      expectInvalid(yaml(raw), 'vacancies[1].mailbox: required when there is more than one mailbox');
    });

    it('two-mailboxes: vacancy.mailbox must name an existing mailbox', () => {
      const raw = {
        mailboxes: [mailbox('chen'), mailbox('okafor')],
        vacancies: [vacancy('a', 'PHD-a', { mailbox: 'nobody' })],
      };
      expectInvalid(yaml(raw), 'vacancies[0].mailbox: no mailbox has id "nobody"');
    });

    it('one-mailbox: a vacancy naming a mailbox that does not exist is refused too', () => {
      const raw = { mailboxes: [mailbox('chen')], vacancies: [vacancy('a', 'PHD-a', { mailbox: 'chen2' })] };
      expectInvalid(yaml(raw), 'vacancies[0].mailbox: no mailbox has id "chen2"');
    });

    it('two-mailboxes: each vacancy keeps the mailbox it names', () => {
      const raw = {
        mailboxes: [mailbox('chen'), mailbox('okafor')],
        vacancies: [vacancy('a', 'PHD-a', { mailbox: 'okafor' }), vacancy('b', 'PHD-b', { mailbox: 'chen' })],
      };
      expect(parseConfig(yaml(raw), {}).vacancies.map((entry) => entry.mailbox)).toEqual(['okafor', 'chen']);
    });

    it('alerts: one address becomes a list; mailbox, from and smtp are optional; the timings default', () => {
      const raw = {
        mailboxes: [mailbox('chen')],
        vacancies: [vacancy('a', 'PHD-a')],
        alerts: { to: 'Ops@Uni.example' },
      };
      expect(parseConfig(yaml(raw), {}).alerts).toEqual({
        to: ['ops@uni.example'],
        notFetchedSeconds: 3600,
        repeatSeconds: 21600,
        checkSeconds: 60,
      });
    });

    it('alerts.mailbox must name an existing mailbox; alerts.to must be addresses', () => {
      const raw = {
        mailboxes: [mailbox('chen')],
        vacancies: [vacancy('a', 'PHD-a')],
        alerts: { to: ['ops@uni.example', 'not an address'], mailbox: 'okafor' },
      };
      expectInvalid(yaml(raw), 'alerts.to[1]: must be an e-mail address');
      const unknown = { ...raw, alerts: { to: 'ops@uni.example', mailbox: 'okafor' } };
      expectInvalid(yaml(unknown), 'alerts.mailbox: no mailbox has id "okafor"');
    });

    it('several cross-reference problems are reported together', () => {
      const raw = {
        mailboxes: [mailbox('chen'), mailbox('okafor')],
        vacancies: [vacancy('a', 'PHD-a', { mailbox: 'chen' }), vacancy('a', 'phd a')],
      };
      expectInvalid(
        yaml(raw),
        'vacancies[1].id: same as vacancies[0].id; vacancies[1].tag: same as vacancies[0].tag; ' +
          'vacancies[1].mailbox: required when there is more than one mailbox',
      );
    });
  });

  describe('YAML syntax', () => {
    it('invalid-yaml: says it is not valid YAML and where', () => {
      const error = configError('mailboxes: [\n  - id: chen\n');
      expect(error.code).toBe('config-invalid');
      expect(error.message).toMatch(/^triage\.yaml: not valid YAML: .*line \d+, column \d+/);
    });

    it('duplicate-yaml-key: a key given twice is a YAML error, not a silent override', () => {
      const text = `${MINIMAL_YAML}\nmailboxes: []\n`;
      const error = configError(text);
      expect(error.code).toBe('config-invalid');
      expect(error.message).toMatch(/^triage\.yaml: not valid YAML: Map keys must be unique/);
    });

    it('tab-indentation: a tab-indented file is refused as YAML', () => {
      expect(configError('mailboxes:\n\t- id: chen\n').message).toMatch(/^triage\.yaml: not valid YAML: /);
    });
  });

  describe('section defaults', () => {
    // Written out by hand on purpose: a schema change that moves a default must change this table too.
    const SECTION_DEFAULTS = {
      redis: { url: 'redis://127.0.0.1:6379', prefix: 'triage', startupTimeoutSeconds: 300 },
      replies: {
        enabled: true,
        completion: true,
        followUpReceipts: false,
        followUpWindowHours: 24,
        resendRequest: false,
        refereeReceipts: false,
        maxPerAddress: 5,
        maxPerDomain: 1000,
        windowHours: 24,
        bounceSuppressionDays: 30,
        ratePerMinute: 60,
        saveToSent: false,
        enquiries: false,
      },
      digest: {
        schedule: '0 8 * * 1-5',
        timezone: 'UTC',
        sendEmpty: false,
        weights: { degree: 3, publications: 2, keywords: 1 },
        questionDays: 7,
        supervisors: {},
      },
      limits: {
        maxMessageBytes: 40 * 1024 * 1024,
        maxAttachments: 100,
        maxNestingDepth: 3,
        maxUnpackedBytes: 40 * 1024 * 1024,
        maxUnpackSeconds: 10,
      },
      workers: { concurrency: 4, inFlightMb: 64, attempts: 12, shutdownSeconds: 20, stalledSeconds: 30 },
      extraction: {
        timeoutSeconds: 30,
        maxBytes: 40 * 1024 * 1024,
        maxPages: 300,
        maxTextChars: 2_000_000,
        maxUnzippedBytes: 200 * 1024 * 1024,
        memoryMb: 160,
        threads: 0,
        messageSeconds: 60,
        messageDocuments: 20,
        messageBytes: 100 * 1024 * 1024,
        ocr: OCR_DEFAULTS,
      },
      log: { level: 'info' },
    } as const;
    const SECTIONS = Object.keys(SECTION_DEFAULTS) as (keyof typeof SECTION_DEFAULTS)[];
    const base = { mailboxes: [mailbox('chen')], vacancies: [vacancy('a', 'PHD-a')] };

    it.each(SECTIONS)('missing-section: no %s key at all gives every default of the section', (section) => {
      expect(parseConfig(yaml(base), {})[section]).toStrictEqual(SECTION_DEFAULTS[section]);
    });

    it.each(SECTIONS)('empty-section: "%s: {}" gives the same defaults as a missing section', (section) => {
      expect(parseConfig(yaml({ ...base, [section]: {} }), {})[section]).toStrictEqual(
        SECTION_DEFAULTS[section],
      );
    });

    it('empty-yaml-section: "replies:" with nothing under it is null, refused rather than defaulted', () => {
      expectInvalid(`${MINIMAL_YAML}replies:\n`, 'replies: expected object, received null');
    });

    it('partial-section: the keys given are kept and every other key still gets its default', () => {
      const config = parseConfig(
        yaml({ ...base, replies: { maxPerAddress: 7 }, digest: { weights: {} } }),
        {},
      );
      expect(config.replies).toStrictEqual({ ...SECTION_DEFAULTS.replies, maxPerAddress: 7 });
      expect(config.digest).toStrictEqual(SECTION_DEFAULTS.digest);
    });

    it('partial-weights: weights given in part keep the other weights', () => {
      const config = parseConfig(yaml({ ...base, digest: { weights: { degree: 5 } } }), {});
      expect(config.digest.weights).toStrictEqual({ degree: 5, publications: 2, keywords: 1 });
    });

    it.each([
      ['missing', undefined],
      ['empty', {}],
    ])('vacancy-documents-%s: a CV is required and nothing is optional', (_case, documents) => {
      const config = parseConfig(yaml({ ...base, vacancies: [vacancy('a', 'PHD-a', { documents })] }), {});
      expect(config.vacancies[0]?.documents).toStrictEqual({ required: ['cv'], optional: [] });
    });

    it('defaults-not-shared: two parses share no default object (each is built by its own parse)', () => {
      const [first, second] = [parseConfig(MINIMAL_YAML, {}), parseConfig(MINIMAL_YAML, {})];
      expect(second).toEqual(first);
      expect(second.digest.weights).not.toBe(first.digest.weights);
      expect(second.digest.supervisors).not.toBe(first.digest.supervisors);
      expect(second.vacancies[0]?.documents.required).not.toBe(first.vacancies[0]?.documents.required);
    });

    it('section-defaults-still-validated: a bad value inside a section is named, defaults or not', () => {
      expectInvalid(
        yaml({ ...base, limits: { maxAttachments: 0 } }),
        'limits.maxAttachments: Too small: expected number to be >=1',
      );
    });
  });

  describe('frozen-config', () => {
    const walk = (value: unknown, path: string, visit: (value: object, path: string) => void): void => {
      if (typeof value !== 'object' || value === null) return;
      visit(value, path);
      for (const [key, item] of Object.entries(value)) walk(item, `${path}.${key}`, visit);
    };

    it('every object and list of a parsed configuration is frozen, at every depth', async () => {
      const config = parseConfig(await readFile(EXAMPLE_PATH, 'utf8'), SECRETS);
      const unfrozen: string[] = [];
      let count = 0;
      walk(config, 'config', (value, path) => {
        count += 1;
        if (!Object.isFrozen(value)) unfrozen.push(path);
      });
      expect(unfrozen).toEqual([]);
      expect(count).toBeGreaterThan(20);
    });

    it('changing a setting throws (strict mode), at the top, in a section, in a list and in a record', () => {
      const config = parseConfig(
        yaml({
          mailboxes: [mailbox('chen')],
          vacancies: [vacancy('a', 'PHD-a')],
          digest: { supervisors: { 'chen@uni.example': { timezone: 'Asia/Tokyo' } } },
        }),
        {},
      );
      const vacancyConfig = config.vacancies[0];
      const mailboxConfig = config.mailboxes[0];
      expect(() => {
        config.replies = { ...config.replies, enabled: false };
      }).toThrow(TypeError);
      expect(() => {
        config.replies.enabled = false;
      }).toThrow(TypeError);
      expect(() => {
        if (mailboxConfig?.imap.auth) mailboxConfig.imap.auth.pass = 'changed';
      }).toThrow(TypeError);
      expect(() => config.vacancies.pop()).toThrow(TypeError);
      expect(() => vacancyConfig?.supervisors.push('x@uni.example')).toThrow(TypeError);
      expect(() => vacancyConfig?.documents.optional.push('research')).toThrow(TypeError);
      expect(() => {
        config.digest.supervisors['okafor@uni.example'] = { timezone: 'UTC' };
      }).toThrow(TypeError);
      expect(() => {
        config.digest.weights.degree = 10;
      }).toThrow(TypeError);
      expect(config.replies.enabled).toBe(true);
      expect(config.vacancies).toHaveLength(1);
      expect(vacancyConfig?.supervisors).toEqual(['chen@uni.example']);
    });
  });

  it('source defaults to "configuration" in messages', () => {
    try {
      parseConfig('', {});
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message).toBe('configuration: mailboxes: required; vacancies: required');
    }
  });
});

describe('loadConfig', () => {
  it('missing-file: code config-missing, and the message names the path', async () => {
    const path = join(tmpdir(), `applicant-triage-${randomUUID()}`, 'triage.yaml');
    const error: unknown = await loadConfig(path, {}).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TriageError);
    expect((error as TriageError).code).toBe('config-missing');
    expect((error as TriageError).message).toContain(path);
  });

  it('reads the file and names it in validation errors', async () => {
    const error: unknown = await loadConfig(EXAMPLE_PATH, {}).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TriageError);
    expect((error as TriageError).code).toBe('config-invalid');
    expect((error as TriageError).message.startsWith(`${EXAMPLE_PATH}: `)).toBe(true);
  });

  it('loads the shipped example', async () => {
    const config = await loadConfig(EXAMPLE_PATH, SECRETS);
    expect(config.mailboxes.map((entry) => entry.id)).toEqual(['chen']);
  });

  it('frozen: the loaded configuration refuses changes (TypeError in strict mode)', async () => {
    const config = await loadConfig(EXAMPLE_PATH, SECRETS);
    expect(Object.isFrozen(config)).toBe(true);
    expect(() => {
      config.workers.attempts = 1;
    }).toThrow(TypeError);
    expect(config.workers.attempts).toBe(12);
  });
});

describe('resolveConfigPath', () => {
  it('--config wins over $TRIAGE_CONFIG', () => {
    expect(resolveConfigPath('/etc/flag.yaml', { TRIAGE_CONFIG: '/etc/env.yaml' })).toBe('/etc/flag.yaml');
  });

  it('empty-triage-config: an empty $TRIAGE_CONFIG falls back to the default', () => {
    expect(resolveConfigPath(undefined, { TRIAGE_CONFIG: '' })).toBe('config/triage.yaml');
  });

  it('$TRIAGE_CONFIG when there is no flag', () => {
    expect(resolveConfigPath(undefined, { TRIAGE_CONFIG: '/etc/env.yaml' })).toBe('/etc/env.yaml');
  });

  it('config/triage.yaml when there is neither', () => {
    expect(resolveConfigPath(undefined, {})).toBe('config/triage.yaml');
  });
});

describe('digest settings', () => {
  const base = {
    mailboxes: [
      {
        id: 'chen',
        address: 'chen@uni.example',
        imap: { host: 'h', auth: { user: 'u', pass: 'p' } },
        smtp: { host: 'h' },
        from: 'chen@uni.example',
      },
    ],
    vacancies: [{ id: 'robust-ai', tag: 'PHD-robustAI', title: 'T', supervisors: ['chen@uni.example'] }],
  };
  const problem = (digest: Record<string, unknown>) => {
    try {
      parseConfig(JSON.stringify({ ...base, digest }), {}, 'triage.yaml');
    } catch (error) {
      return (error as Error).message;
    }
    return 'accepted';
  };

  it('bad-cron: a schedule that is not a cron pattern is named', () => {
    expect(problem({ schedule: 'every morning' })).toMatch(/digest\.schedule: must be a cron pattern/);
  });

  it('bad-timezone: an unknown time zone is named, also per supervisor', () => {
    expect(problem({ timezone: 'Mars/Olympus' })).toMatch(/digest\.timezone: must be an IANA time zone/);
    expect(problem({ supervisors: { 'chen@uni.example': { timezone: 'Europe/Lindon' } } })).toMatch(
      /digest\.supervisors\.chen@uni\.example\.timezone: must be an IANA time zone/,
    );
  });

  it('valid schedules with seconds and time zones are accepted', () => {
    expect(problem({ schedule: '*/30 * * * * *', timezone: 'Asia/Shanghai' })).toBe('accepted');
  });
});
