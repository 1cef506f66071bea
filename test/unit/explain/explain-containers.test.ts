import { readFile } from 'node:fs/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { formatExplanation } from '../../../src/cli/format-explanation.ts';
import { parseConfig } from '../../../src/config/load-config.ts';
import { DocumentPool } from '../../../src/documents/document-pool.ts';
import { CVS_A } from '../../accuracy/labelled/cvs-a.ts';
import { buildMail } from '../../support/build-mail.ts';
import { explainOffline } from '../../support/explain-offline.ts';
import { buildTnef } from '../../support/build-tnef.ts';
import { buildDocument } from '../../support/documents/build-document.ts';
import { truncatedTnef } from '../../support/hostile-containers.ts';

const CONFIG = parseConfig(
  await readFile(new URL('../../../config/triage.example.yaml', import.meta.url), 'utf8'),
  { IMAP_PASSWORD: 'x', SMTP_PASSWORD: 'y' },
  'triage.example.yaml',
);
const pool = new DocumentPool({ ...CONFIG.extraction, threads: 1 });
afterAll(() => pool.close());

async function explainWinmail() {
  const cv = CVS_A.find((document) => document.id === 'cv-uk-one-column');
  if (!cv) throw new Error('no labelled CV');
  const raw = await buildMail({
    from: '"Eleanor Hughes" <eleanor.hughes@example.ac.uk>',
    attachments: [
      {
        filename: 'winmail.dat',
        content: buildTnef([
          { filename: 'CV.pdf', content: await buildDocument(cv.spec, cv.format, cv.build) },
        ]),
        contentType: 'application/ms-tnef',
      },
      { filename: 'winmail2.dat', content: truncatedTnef(), contentType: 'application/ms-tnef' },
    ],
  });
  return explainOffline(raw, CONFIG, pool);
}

describe('explain on an application sent from Outlook with winmail.dat', () => {
  it('winmail-explain: the CV inside is read as a CV and shown with its container; the CV is not missing', async () => {
    const explanation = await explainWinmail();
    expect(
      explanation.documents.map((document) => [document.within, document.filename, document.kind]),
    ).toEqual([
      [['winmail.dat'], 'CV.pdf', 'cv'],
      [[], 'winmail2.dat', 'other'],
    ]);
    expect(explanation.missing).not.toContain('cv');
    const text = formatExplanation(explanation);
    expect(text).toContain('  winmail.dat › CV.pdf [cv]');
    expect(text).toMatch(
      /winmail2\.dat \[other\][^\n]*\n {4}read: unknown, corrupt \(the TNEF stream \(winmail\.dat\) could not be unpacked/,
    );
  });
});
