import { readFile } from 'node:fs/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config/load-config.ts';
import type { Config } from '../../../src/config/schema.ts';
import { DocumentPool } from '../../../src/documents/document-pool.ts';
import { explainMessage } from '../../../src/explain/explain-message.ts';
import { parseMessage } from '../../../src/mail/parse-message.ts';
import { loadVacancyTemplates } from '../../../src/stages/replies/load-vacancy-templates.ts';
import { buildMail } from '../../support/build-mail.ts';
import { buildDocument } from '../../support/documents/build-document.ts';
import { nestedFormsPdf } from '../../support/documents/hostile-pdfs.ts';
import { cvWithTricks, placeholderDocument } from '../../support/documents/sample-specs.ts';

const EXAMPLE = parseConfig(
  await readFile(new URL('../../../config/triage.example.yaml', import.meta.url), 'utf8'),
  { IMAP_PASSWORD: 'x', SMTP_PASSWORD: 'y' },
  'triage.example.yaml',
);
const pools: DocumentPool[] = [];
afterAll(() => Promise.all(pools.map((pool) => pool.close())));

async function explain(extraction: Partial<Config['extraction']>, attachments: [string, Buffer][]) {
  const config = { ...EXAMPLE, extraction: { ...EXAMPLE.extraction, threads: 1, ...extraction } };
  const pool = new DocumentPool(config.extraction);
  pools.push(pool);
  const raw = await buildMail({
    attachments: attachments.map(([filename, content]) => ({
      filename,
      content,
      contentType: 'application/pdf',
    })),
  });
  return explainMessage(await parseMessage(raw, config.limits), {
    config,
    mailboxId: 'chen',
    templates: await loadVacancyTemplates(config),
    reader: pool,
    history: null,
    guards: null,
    sent: null,
  });
}

const shown = (explanation: Awaited<ReturnType<typeof explain>>) =>
  explanation.documents.map((document) => [
    document.filename,
    document.kind,
    document.extraction?.status,
    document.extraction?.reason,
  ]);

describe('explain: the reading budget of one message (issue 19)', () => {
  it('issue-19: documents past the budget of documents are not read, say why, and flag the candidate', async () => {
    const explanation = await explain({ messageDocuments: 2 }, [
      ['CV.pdf', await buildDocument(cvWithTricks, 'pdf')],
      ['Transcript.pdf', await buildDocument(placeholderDocument('Transcript.pdf'), 'pdf')],
      ['Reference_letter.pdf', await buildDocument(placeholderDocument('Reference_letter.pdf'), 'pdf')],
    ]);
    expect(shown(explanation)).toEqual([
      ['CV.pdf', 'cv', 'ok', null],
      ['Transcript.pdf', expect.any(String), 'ok', null],
      ['Reference_letter.pdf', 'reference', 'skipped', "not read: over the message's budget (2 documents)"],
    ]);
    expect(explanation.flags).toContain('reading-budget');
    expect(explanation.flags).not.toContain('unreadable-document');
  });

  it('issue-19: a message whose documents take over its time is stopped: the rest say why', async () => {
    const explanation = await explain({ messageSeconds: 2, timeoutSeconds: 60 }, [
      ['Research_proposal.pdf', nestedFormsPdf()],
      ['CV.pdf', await buildDocument(cvWithTricks, 'pdf')],
    ]);
    const unread = "not read: over the message's budget (2 s)";
    expect(shown(explanation)).toEqual([
      ['Research_proposal.pdf', 'research', 'skipped', unread],
      ['CV.pdf', 'cv', 'skipped', unread],
    ]);
    expect(explanation.flags).toContain('reading-budget');
  });
});
