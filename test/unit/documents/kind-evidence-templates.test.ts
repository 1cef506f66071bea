import { afterAll, describe, expect, it } from 'vitest';
import type { ExtractionConfig } from '../../../src/config/schema.ts';
import { classifyDocument, type KindDecision } from '../../../src/documents/classify-document.ts';
import { ExtractionPool } from '../../../src/documents/extraction-pool.ts';
import { buildDocument } from '../../support/documents/build-document.ts';
import type { Block } from '../../support/documents/document-spec.ts';
import { TEST_LIMITS } from '../../support/documents/sample-specs.ts';

// The layouts of the template documents added to the corpus for issue 14, built by our test support and read
// through the real reading processes.
const EXTRACTION: ExtractionConfig = { ...TEST_LIMITS, threads: 1 };

const pool = new ExtractionPool(EXTRACTION);
afterAll(() => pool.close());

async function readKind(blocks: Block[], filename = 'document.pdf'): Promise<KindDecision> {
  const content = await buildDocument({ blocks, columns: 1 }, 'pdf');
  const hint = { filename, contentType: 'application/pdf' };
  return classifyDocument({ ...hint, extraction: await pool.extract(content, hint) });
}

const title = (text: string): Block => ({ text, style: 'title' });
const heading = (text: string): Block => ({ text, style: 'heading' });
const body = (text: string): Block => ({ text, style: 'body' });
const LOREM =
  'Lorem ipsum dolor sit amet, consectetur adipiscing elit. Donec quis pretium leo, a facilisis nisi. Quisque id fringilla tellus, ut varius arcu.';

describe('kinds of template documents', () => {
  it('reads a Spanish CV whose headings say where ("Experiencia en la industria") and whose dates are Spanish', async () => {
    const decision = await readKind([
      title('MARÍA LÓPEZ GARCÍA'),
      body('+52 55 5555 0000 • maria.lopez@example.mx'),
      heading('EDUCACIÓN'),
      body('Licenciatura en Matemáticas Aplicadas Mayo 2021'),
      heading('CONOCIMIENTOS EN COMPUTACIÓN'),
      body('Lenguajes de programación: C, Python, R'),
      heading('EXPERIENCIA EN LA INDUSTRIA'),
      body('Ingeniera de software Marzo 2020 - presente'),
      heading('EXPERIENCIA EN ÁMBITO ACADÉMICO'),
      body('Profesora adjunta Enero 2019 - Diciembre 2020'),
    ]);
    expect(decision.kind, decision.evidence.join('; ')).toBe('cv');
    expect(decision.evidence[0]).toMatch(/^3 CV sections \(educacion, conocimientos, experiencia\)/);
    expect(decision.evidence).toContain('2 date ranges');
  });

  it('reads a one-page letter that encloses a CV as a cover letter, though its header says "CV title"', async () => {
    const decision = await readKind(
      [
        title('John Doe'),
        body('CV title'),
        body('john.doe@example.com | +1 (123) 456 789'),
        body('Company'),
        body('July 13, 2018'),
        body('Job Application for xxx.'),
        body('Attached: Curriculum Vitae.'),
        body('Dear Mr./Ms./Dr. LastName,'),
        body(LOREM),
        body(LOREM),
        body('Sincerely,'),
        body('John Doe'),
      ],
      'coverletter.pdf',
    );
    expect(decision.kind, decision.evidence.join('; ')).toBe('cover-letter');
    expect(decision.evidence[0]).toBe("encloses a CV ('attached: curriculum vitae.')");
  });

  it('keeps a four-page CV with its letter bound after it a CV: the enclosure line covers only a short letter', async () => {
    const pages = ['Experience', 'Publications', 'Talks'].map((section, index): Block[] => [
      { text: section, style: 'heading', pageBreak: index > 0 },
      body(index === 0 ? '2019 - 2021 Research assistant, University of Somewhere' : LOREM),
    ]);
    const decision = await readKind([
      title('John Doe'),
      body('john.doe@example.com'),
      ...pages.flat(),
      { text: 'Dear Mr./Ms. LastName,', style: 'body', pageBreak: true },
      body(LOREM),
      body('Yours faithfully,'),
      body('Attached: curriculum vitæ'),
    ]);
    expect(decision.kind, decision.evidence.join('; ')).toBe('cv');
    expect(decision.evidence.join('; ')).not.toMatch(/encloses a CV/);
  });
});
