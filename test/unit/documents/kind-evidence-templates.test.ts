import { afterAll, describe, expect, it } from 'vitest';
import type { ExtractionConfig } from '../../../src/config/schema.ts';
import { classifyDocument, type KindDecision } from '../../../src/documents/classify-document.ts';
import { ExtractionPool } from '../../../src/documents/extraction-pool.ts';
import { buildDocument } from '../../support/documents/build-document.ts';
import type { Block } from '../../support/documents/document-spec.ts';
import { TEST_LIMITS } from '../../support/documents/sample-specs.ts';
import {
  cachedCorpusDocument,
  readCorpusFile,
  type CorpusDocument,
} from '../../accuracy/documents/corpus-documents.ts';

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

  it('reads a French letter whose body says nothing of the writer as a cover letter, from its CV "en pièce jointe"', async () => {
    const decision = await readKind([
      title('Jeanne Martin'),
      body('jeanne.martin@example.fr'),
      body("A l'attention des Ressources Humaines"),
      body('Le 22 février 2019'),
      body('Acte de candidature'),
      body('Madame, Monsieur ;'),
      heading('Apropos du film'),
      body(LOREM),
      body(LOREM),
      heading('Pourquoi moi ?'),
      body(LOREM),
      body(LOREM),
      body('Cordialement,'),
      body('Jeanne Martin'),
      body('Veuillez trouver en pièce jointe : Curriculum Vitae'),
    ]);
    expect(decision.kind, decision.evidence.join('; ')).toBe('cover-letter');
    expect(decision.evidence[0]).toBe(
      "encloses a CV ('veuillez trouver en piece jointe : curriculum vitae')",
    );
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

  it('keeps a template user guide written as a paper, with its code, as other, naming its title', async () => {
    const code = Array.from({ length: 14 }, (_, index) => [
      body(`\\documentclass[lang=en,option${index}]{elegantpaper}`),
      body(`\\usepackage{package${index}}`),
    ]).flat();
    const decision = await readKind([
      title('ElegantPaper: An Elegant LaTeX Template for Working Papers'),
      heading('Abstract'),
      body(
        'This paper illustrates the usage of the template, which is designed for writing a working paper.',
      ),
      body('Keywords: ElegantLaTeX, Working Paper, Template'),
      heading('1 Introduction'),
      body(LOREM),
      heading('References'),
      body('[1] Knuth, D. E. (1984). The TeXbook. Addison-Wesley.'),
      ...code,
    ]);
    expect(decision.kind, decision.evidence.join('; ')).toBe('other');
    expect(decision.evidence[0]).toMatch(/^title 'ElegantPaper: An Elegant LaTe/);
  });

  it('keeps study notes sent as notas.pdf as other, though "notas" names grades', async () => {
    const decision = await readKind(
      [
        title('Notas de estudio de Cálculo'),
        body('Índice general'),
        heading('1 Un poco de Matemáticas'),
        body(LOREM),
        heading('Bibliografía'),
        body('[1] Spivak, M. (1967). Calculus. W. A. Benjamin.'),
      ],
      'notas.pdf',
    );
    expect(decision.kind, decision.evidence.join('; ')).toBe('other');
    expect(decision.evidence[0]).toBe("title 'Notas de estudio de Cálculo'");
  });

  it("keeps a template's function documentation as other, though its name ends in CV", async () => {
    const decision = await readKind(
      [
        title('brilliant-CV'),
        body('Documentation on Template Functions'),
        heading('cvEntry'),
        body('Add an entry to the CV. Parameters: title, society, date, location.'),
      ],
      'docs.pdf',
    );
    expect(decision.kind, decision.evidence.join('; ')).toBe('other');
    expect(decision.evidence[0]).toBe("title 'Documentation on Template Functions'");
  });
});

async function readCorpusKind(doc: CorpusDocument, filename: string): Promise<KindDecision> {
  const hint = { filename, contentType: 'application/pdf' };
  return classifyDocument({ ...hint, extraction: await pool.extract(readCorpusFile(doc), hint) });
}

// pdfme's Japanese CV form (test/corpus/documents.json, development part), filled with its sample data: the form's
// printed headings (学歴・職歴…) are not text, its dated entries are.
const RIREKISHO = cachedCorpusDocument('pdfme-rirekisho.pdf');

describe('a Japanese CV form', () => {
  it.skipIf(RIREKISHO === undefined)(
    'reads the 履歴書 as a CV from its dated history, under a name that says nothing',
    async () => {
      if (RIREKISHO === undefined) return;
      const decision = await readCorpusKind(RIREKISHO, 'document.pdf');
      expect(decision.kind, decision.evidence.join('; ')).toBe('cv');
      expect(decision.source).toBe('content');
      expect(decision.evidence[0]).toMatch(/^\d+ dated history entries \(履歴書\)$/);
    },
  );
});

// Abitbol-Awesome-CV's lettre de motivation (test/corpus/documents.json, development part): a French cover letter
// whose body says nothing of its writer and which ends "Veuillez trouver en pièce jointe : Curriculum Vitae".
const ABITBOL_LETTER = cachedCorpusDocument('abitbol-awesome-lm.pdf');

describe('a letter naming its CV as enclosed', () => {
  it.skipIf(ABITBOL_LETTER === undefined)(
    'reads the real French letter with its CV "en pièce jointe" as a cover letter',
    async () => {
      if (ABITBOL_LETTER === undefined) return;
      const decision = await readCorpusKind(ABITBOL_LETTER, ABITBOL_LETTER.sentAs);
      expect(decision.kind, decision.evidence.join('; ')).toBe('cover-letter');
      expect(decision.evidence).toContain(
        "encloses a CV ('veillez trouver en piece jointe : curriculum vitae')",
      );
    },
  );

  it('does not take the enclosure line of a letter short enough to have it among its first lines for a CV title', async () => {
    // The same letter cut to a few lines: its enclosure line is now at the top, where titles are looked for.
    const decision = await readKind([
      title('George Abitbol'),
      body('george@abitbol.org'),
      body("A l'attention des Ressources Humaines"),
      body('Le 22 février 2019'),
      body('Madame, Monsieur ;'),
      body(LOREM),
      body('Cordialement,'),
      body('George Abitbol'),
      body('Veuillez trouver en pièce jointe : Curriculum Vitae'),
    ]);
    expect(decision.kind, decision.evidence.join('; ')).toBe('cover-letter');
    expect(decision.evidence[0]).toBe(
      "encloses a CV ('veuillez trouver en piece jointe : curriculum vitae')",
    );
    expect(decision.scores.cv ?? 0).toBeLessThan(2);
  });
});
