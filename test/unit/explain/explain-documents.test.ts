import { readFile } from 'node:fs/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { formatExplanation } from '../../../src/cli/format-explanation.ts';
import { parseConfig } from '../../../src/config/load-config.ts';
import { DocumentPool } from '../../../src/documents/document-pool.ts';
import { CVS_A } from '../../accuracy/labelled/cvs-a.ts';
import type { LabelledDocument } from '../../accuracy/labelled/labelled-document.ts';
import { RESEARCH_A } from '../../accuracy/labelled/research-a.ts';
import { TRANSCRIPTS_A } from '../../accuracy/labelled/transcripts-a.ts';
import { buildMail } from '../../support/build-mail.ts';
import { explainOffline } from '../../support/explain-offline.ts';
import { buildDocument } from '../../support/documents/build-document.ts';

// The example configuration: robust-ai requires a CV and a transcript and looks for PyTorch, medical imaging…
const CONFIG = parseConfig(
  await readFile(new URL('../../../config/triage.example.yaml', import.meta.url), 'utf8'),
  { IMAP_PASSWORD: 'x', SMTP_PASSWORD: 'y' },
  'triage.example.yaml',
);
const pool = new DocumentPool({ ...CONFIG.extraction, threads: 2 });
afterAll(() => pool.close());

function pick(set: readonly LabelledDocument[], id: string): LabelledDocument {
  const found = set.find((document) => document.id === id);
  if (!found) throw new Error(`no labelled document ${id}`);
  return found;
}

async function application() {
  const documents = [
    pick(CVS_A, 'cv-uk-one-column'),
    pick(TRANSCRIPTS_A, 'transcript-uk-percent-class'),
    pick(RESEARCH_A, 'research-paper-pdf'),
  ];
  const raw = await buildMail({
    from: '"Eleanor Hughes" <eleanor.hughes@example.ac.uk>',
    text: 'Dear Dr Chen,\n\nplease find my application attached. ORCID: https://orcid.org/0000-0002-1825-0097\n\nEleanor',
    attachments: await Promise.all(
      documents.map(async (document, index) => ({
        filename: ['CV.pdf', 'scan0001.pdf', 'paper.pdf'][index] ?? document.filename,
        content: await buildDocument(document.spec, document.format, document.build),
        contentType: 'application/pdf',
      })),
    ),
  });
  return explainOffline(raw, CONFIG, pool);
}

describe('explain on an application with a CV, a transcript and a paper', () => {
  it('gives each document its kind from the content, with the evidence', async () => {
    const explanation = await application();
    expect(
      explanation.documents.map((document) => [document.filename, document.kind, document.kindSource]),
    ).toEqual([
      ['CV.pdf', 'cv', 'content'],
      ['scan0001.pdf', 'transcript', 'content'],
      ['paper.pdf', 'research', 'content'],
    ]);
    expect(explanation.documents[1]?.evidence.join(', ')).toMatch(/title|module|grade/i);
    expect(explanation.documents.every((document) => document.extraction?.status === 'ok')).toBe(true);
    expect(explanation.missing).toEqual([]);
  });

  it('shows a profile built from all documents and the mail', async () => {
    const { profile } = await application();
    expect(profile?.name).toMatchObject({ value: 'Eleanor Hughes', match: 'match' });
    expect(profile?.education.map((degree) => degree.level)).toContain('bachelor');
    expect(profile?.bestResult).toMatchObject({ band: 'first' });
    expect(profile?.links.map((link) => link.url)).toEqual(
      expect.arrayContaining(['https://orcid.org/0000-0002-1825-0097']),
    );
  });

  it('prints the kinds, evidence and profile for a person', async () => {
    const text = formatExplanation(await application());
    expect(text).toMatch(/scan0001\.pdf \[transcript\] — .+/);
    expect(text).toContain('read: pdf, ok');
    expect(text).toMatch(/profile:\n {2}name: +Eleanor Hughes/);
    expect(text).toMatch(/degree: +BSc.*University of Leeds.*first/);
  });
});
