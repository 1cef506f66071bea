import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { CandidateRecord } from '../../../src/candidates/candidate-record.ts';
import { formatExplanation } from '../../../src/cli/format-explanation.ts';
import { parseConfig } from '../../../src/config/load-config.ts';
import type { CandidateHistory } from '../../../src/explain/explain-candidates.ts';
import { explainMessage } from '../../../src/explain/explain-message.ts';
import { parseMessage } from '../../../src/mail/parse-message.ts';
import { loadVacancyTemplates } from '../../../src/stages/replies/load-vacancy-templates.ts';
import { candidateRecord, documentRecord, messageRecord } from '../../support/records.ts';

const CONFIG = parseConfig(
  await readFile(new URL('../../../config/triage.example.yaml', import.meta.url), 'utf8'),
  { IMAP_PASSWORD: 'x', SMTP_PASSWORD: 'y' },
  'triage.example.yaml',
);

const PRIYA: CandidateRecord = {
  ...candidateRecord(
    [messageRecord('<priya-app@mail.example.com>', '2026-11-19T18:45:00.000Z')],
    [documentRecord('cv', '<priya-app@mail.example.com>')],
    ['transcript'],
  ),
  id: 'robust-ai-priya',
  name: 'Priya Raman',
  email: 'priya.raman@mail.example.com',
};

/** The daemon's candidates, read only, as `explain --history` sees them. */
const HISTORY: CandidateHistory = {
  findByThread: (ids) =>
    Promise.resolve(
      ids.includes('<priya-app@mail.example.com>') ? { vacancy: 'robust-ai', candidateId: PRIYA.id } : null,
    ),
  findByAddress: (vacancy, email) =>
    Promise.resolve(vacancy === PRIYA.vacancy && email === PRIYA.email ? PRIYA.id : null),
  get: (id) => Promise.resolve(id === PRIYA.id ? PRIYA : null),
  newId: (vacancy, email) => `${vacancy}-${email}`,
  list: (vacancies) => Promise.resolve(vacancies.includes(PRIYA.vacancy) ? [PRIYA] : []),
};

async function explain(fixture: string, history: CandidateHistory | null) {
  const buffer = await readFile(new URL(`../../fixtures/mail/referees/${fixture}`, import.meta.url));
  return explainMessage(await parseMessage(buffer, CONFIG.limits), {
    config: CONFIG,
    mailboxId: 'chen',
    templates: await loadVacancyTemplates(CONFIG),
    reader: null,
    history,
    guards: null,
    sent: null,
  });
}

describe("explain on a referee's mail", () => {
  it('with --history: the referee verdict, whom it names, and the link by name to the candidate', async () => {
    const explanation = await explain('tagged-letter-attached.eml', HISTORY);
    expect(explanation.classification).toMatchObject({ kind: 'reference', rule: 'referee' });
    expect(explanation.applicant).toBeNull();
    expect(explanation.reference).toEqual({
      referee: { name: 'Dr John Smith', email: 'j.smith@kcl.example.ac.uk' },
      names: ['Priya Raman'],
      addresses: [],
      link: { candidateId: 'robust-ai-priya', rule: 'name', detail: 'names "Priya Raman"' },
    });
    expect(explanation.reply.send).toBe(false);
    const text = formatExplanation(explanation).split('\n');
    expect(text).toContain('referee:        Dr John Smith <j.smith@kcl.example.ac.uk>');
    expect(text).toContain('linked:         robust-ai-priya by name — names "Priya Raman"');
  });

  it('with --history: a referee replying in the thread is linked by thread', async () => {
    const explanation = await explain('in-thread-reply-with-letter.eml', HISTORY);
    expect(explanation.reference?.link).toMatchObject({ candidateId: 'robust-ai-priya', rule: 'thread' });
  });

  it('offline: held, and it says --history would link it', async () => {
    const explanation = await explain('address-quoted-no-name.eml', null);
    expect(explanation.reference?.link).toBeNull();
    expect(explanation.reference?.addresses).toEqual(['priya.raman@mail.example.com']);
    expect(explanation.reply.reason).toMatch(/held unless the daemon has its applicant \(run with --history/);
  });
});
