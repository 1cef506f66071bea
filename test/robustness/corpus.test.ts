import { existsSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load-config.ts';
import { isTriageError } from '../../src/errors/triage-error.ts';
import type { MessageKind } from '../../src/stages/ingest/automatic/verdict.ts';
import { loadVacancyTemplates } from '../../src/stages/replies/load-vacancy-templates.ts';
import { explainMessage } from '../../src/explain/explain-message.ts';
import type { Explanation } from '../../src/explain/explanation.ts';
import { parseMessage } from '../../src/mail/parse-message.ts';

// Third-party mail shared next to the checkout (see its SOURCES.md); read in place, never copied into the repo.
const CORPUS = fileURLToPath(new URL('../../../shared/corpus/mail/', import.meta.url));
const EXISTS = existsSync(CORPUS);
const PER_FILE_MS = 10_000;
const MIN_EXPLAINED = 0.95;

const KNOWN_KINDS = {
  application: true,
  review: true,
  'auto-reply': true,
  bounce: true,
  list: true,
  spam: true,
  own: true,
  unattributed: true,
  untagged: true,
  reference: true,
} satisfies Record<MessageKind, true>;

/** Every file under the corpus, whatever its extension, as paths relative to it. */
function corpusFiles(): string[] {
  if (!EXISTS) return [];
  return readdirSync(CORPUS, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(CORPUS, join(entry.parentPath, entry.name)))
    .sort();
}

const CONFIG = parseConfig(
  `
mailboxes:
  - id: chen
    address: chen@uni.example
    imap: { host: imap.uni.example, auth: { user: chen, pass: '\${IMAP_PASSWORD}' } }
    smtp: { host: smtp.uni.example }
    from: '"Dr Chen" <chen@uni.example>'
vacancies:
  - id: robust-ai
    tag: PHD-robustAI
    title: PhD in Robust and Adaptive AI
    supervisors: [chen@uni.example]
    documents: { required: [cv, transcript], optional: [research] }
    deadline: 2026-12-02T12:00:00Z
`,
  { IMAP_PASSWORD: 'unused' },
  'corpus config',
);

const TEMPLATES = loadVacancyTemplates(CONFIG);

type Outcome = { status: 'explained'; kind: string } | { status: 'dead-letter'; code: string };

/** explain's code path on one file: parse with the CLI's limit, then explain for mailbox chen. */
async function explainFile(path: string): Promise<Outcome> {
  let explanation: Explanation;
  try {
    const parsed = await parseMessage(await readFile(join(CORPUS, path)), { maxAttachments: 100 });
    explanation = await explainMessage(parsed, {
      config: CONFIG,
      mailboxId: 'chen',
      templates: await TEMPLATES,
      reader: null,
      history: null,
      guards: null,
      sent: null,
    });
  } catch (error) {
    if (isTriageError(error, 'message-unparseable', 'message-too-complex')) {
      return { status: 'dead-letter', code: error.code };
    }
    throw error;
  }
  expect(Object.keys(KNOWN_KINDS)).toContain(explanation.classification.kind);
  expect(() => JSON.stringify(explanation)).not.toThrow();
  if (explanation.classification.kind !== 'application') expect(explanation.vacancy).toBeNull();
  if (explanation.applicant !== null) expect(explanation.applicant.email).toContain('@');
  return { status: 'explained', kind: explanation.classification.kind };
}

/** Fails naming the file when it takes longer than `ms`. */
async function withinTime<T>(path: string, ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${path}: no explanation after ${ms / 1000} s`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

const FILES = corpusFiles();
const outcomes = new Map<string, Outcome>();

const TITLE = EXISTS ? `robustness corpus ${CORPUS}` : `robustness corpus: skipped, ${CORPUS} does not exist`;

describe.skipIf(!EXISTS)(TITLE, () => {
  it('the corpus holds mail to test', () => {
    expect(FILES.length).toBeGreaterThan(0);
  });

  it.each(FILES)(
    '%s: explained without crash or hang',
    async (path) => {
      outcomes.set(path, await withinTime(path, PER_FILE_MS, explainFile(path)));
    },
    PER_FILE_MS + 5_000,
  );

  it(`at least ${MIN_EXPLAINED * 100}% of the files produce an explanation (the rest are dead letters)`, () => {
    const deadLetters = [...outcomes].filter(([, outcome]) => outcome.status === 'dead-letter');
    const explained = outcomes.size - deadLetters.length;
    const summary = deadLetters.map(([path, outcome]) => `${path} (${JSON.stringify(outcome)})`);
    expect(outcomes.size, 'every file was tried').toBe(FILES.length);
    expect(explained / FILES.length, `dead letters: ${summary.join(', ') || 'none'}`).toBeGreaterThanOrEqual(
      MIN_EXPLAINED,
    );
  });

  afterAll(() => {
    const counts: Record<string, number> = {};
    for (const outcome of outcomes.values()) {
      const label = outcome.status === 'explained' ? outcome.kind : `dead-letter:${outcome.code}`;
      counts[label] = (counts[label] ?? 0) + 1;
    }
    console.info(`corpus: ${outcomes.size} of ${FILES.length} files handled`, counts);
  });
});
