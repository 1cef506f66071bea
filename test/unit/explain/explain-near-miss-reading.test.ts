import { readFile } from 'node:fs/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config/load-config.ts';
import { DocumentPool } from '../../../src/documents/document-pool.ts';
import { explainMessage } from '../../../src/explain/explain-message.ts';
import { parseMessage } from '../../../src/mail/parse-message.ts';
import { loadVacancyTemplates } from '../../../src/stages/replies/load-vacancy-templates.ts';
import { buildMail } from '../../support/build-mail.ts';
import { buildDocument } from '../../support/documents/build-document.ts';
import type { DocumentSpec } from '../../support/documents/document-spec.ts';
import { placeholderDocument } from '../../support/documents/sample-specs.ts';

const CONFIG = parseConfig(
  await readFile(new URL('../../../config/triage.example.yaml', import.meta.url), 'utf8'),
  { IMAP_PASSWORD: 'x', SMTP_PASSWORD: 'y' },
  'triage.example.yaml',
);
const pool = new DocumentPool({ ...CONFIG.extraction, threads: 1 });
afterAll(() => pool.close());

/** A CV as many are written: its sections say what it is, its file name does not. */
const CV: DocumentSpec = {
  title: 'Tomás Oliveira',
  blocks: [
    { text: 'Tomás Oliveira', style: 'title' },
    { text: 't.oliveira@correio.example | +351 912 345 678', style: 'body' },
    { text: 'Education', style: 'heading' },
    { text: 'MSc Biomedical Engineering, Universidade de Lisboa, 2023 - 2025' },
    { text: 'Experience', style: 'heading' },
    { text: 'Research assistant, medical image segmentation in PyTorch, 2024 - 2025' },
    { text: 'Publications', style: 'heading' },
    { text: 'T. Oliveira, A. Costa. Robust segmentation under scanner shift. MIDL 2025.' },
    { text: 'Skills', style: 'heading' },
    { text: 'Python, PyTorch, medical imaging' },
  ],
};

/** A near-miss subject, no study intent, and one PDF whose name says nothing: only its content can decide. */
async function explain(content: Buffer) {
  const raw = await buildMail({
    messageId: '<document-pdf@example.org>',
    subject: '[PHD-robustAI2] documents',
    text: 'Hello,\n\nsee the attached file.\n\nRegards',
    attachments: [{ filename: 'document.pdf', content, contentType: 'application/pdf' }],
  });
  return explainMessage(await parseMessage(raw, CONFIG.limits), {
    config: CONFIG,
    mailboxId: 'chen',
    templates: await loadVacancyTemplates(CONFIG),
    reader: pool,
    history: null,
    guards: null,
    sent: null,
  });
}

describe('a near miss decided by reading its attachment', () => {
  it('document.pdf that reads as a CV makes the near miss a review item, saying it was read', async () => {
    const explanation = await explain(await buildDocument(CV, 'pdf'));
    expect(explanation.classification.kind).toBe('review');
    expect(explanation.review?.evidence).toEqual([
      'cv (read) attached: document.pdf',
      'subject "[PHD-robustAI2]" is close to the tag [PHD-robustAI]',
    ]);
  });

  it('document.pdf that reads as nothing in particular leaves the mail untagged', async () => {
    const explanation = await explain(await buildDocument(placeholderDocument('Poster print order'), 'pdf'));
    expect(explanation.classification.kind).toBe('untagged');
    expect(explanation.review).toBeNull();
  });
});
