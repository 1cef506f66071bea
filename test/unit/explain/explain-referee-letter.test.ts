import { readFile } from 'node:fs/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config/load-config.ts';
import { DocumentPool } from '../../../src/documents/document-pool.ts';
import { explainMessage } from '../../../src/explain/explain-message.ts';
import { parseMessage } from '../../../src/mail/parse-message.ts';
import { loadVacancyTemplates } from '../../../src/stages/replies/load-vacancy-templates.ts';
import { buildMail, pdfAttachment } from '../../support/build-mail.ts';
import { referenceLetter } from '../../support/documents/reference-letters.ts';

const CONFIG = parseConfig(
  await readFile(new URL('../../../config/triage.example.yaml', import.meta.url), 'utf8'),
  { IMAP_PASSWORD: 'x', SMTP_PASSWORD: 'y' },
  'triage.example.yaml',
);
const pool = new DocumentPool({ ...CONFIG.extraction, threads: 1 });
afterAll(() => pool.close());

/** The referee's mail whose letter alone says whom it is about, explained as the daemon plans it. */
async function explain(reader: DocumentPool | null) {
  const raw = await buildMail({
    from: 'Prof. John Smith <j.smith@kcl.example.ac.uk>',
    messageId: '<smith-letter@kcl.example.ac.uk>',
    subject: 'Letter for your PhD position',
    text: 'Dear Dr Chen,\n\nPlease find my letter attached.\n\nBest wishes,\nJohn',
    attachments: [await pdfAttachment('letter.pdf', referenceLetter('Priya Raman'))],
  });
  return explainMessage(await parseMessage(raw, CONFIG.limits), {
    config: CONFIG,
    mailboxId: 'chen',
    templates: await loadVacancyTemplates(CONFIG),
    reader,
    history: null,
    guards: null,
    sent: null,
  });
}

describe("explain on a referee's letter that only its content names", () => {
  it('shows the letter read as a reference and the name found in it', async () => {
    const explanation = await explain(pool);
    expect(explanation.classification.kind).toBe('reference');
    expect(explanation.classification.detail).toBe(
      "referee's mail (score 4): letter letter.pdf (read) (+3), names Priya Raman (+1)",
    );
    expect(explanation.reference?.names).toEqual(['Priya Raman']);
    expect(explanation.reply.send).toBe(false);
  });

  it('without reading documents the same mail is untagged: the letter is what decides', async () => {
    const explanation = await explain(null);
    expect(explanation.classification.kind).toBe('untagged');
    expect(explanation.reference).toBeUndefined();
  });
});
