import { afterAll, describe, expect, it } from 'vitest';
import type { ExtractionConfig } from '../../../src/config/schema.ts';
import { classifyDocument, type KindDecision } from '../../../src/documents/classify-document.ts';
import { ExtractionPool } from '../../../src/documents/extraction-pool.ts';
import { buildDocument } from '../../support/documents/build-document.ts';
import type { Block, FixtureFormat } from '../../support/documents/document-spec.ts';
import { TEST_LIMITS } from '../../support/documents/sample-specs.ts';

// Issue 14's layouts, built by our test support and read through the real reading processes.
const EXTRACTION: ExtractionConfig = { ...TEST_LIMITS, threads: 1 };
const CONTENT_TYPES: Partial<Record<FixtureFormat, string>> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  odt: 'application/vnd.oasis.opendocument.text',
};

const pool = new ExtractionPool(EXTRACTION);
afterAll(() => pool.close());

async function readKind(
  blocks: Block[],
  format: FixtureFormat,
  columns: 1 | 2 = 1,
  filename = `document.${format}`,
): Promise<KindDecision> {
  const content = await buildDocument({ blocks, columns }, format);
  const hint = { filename, contentType: CONTENT_TYPES[format] ?? 'application/pdf' };
  return classifyDocument({ ...hint, extraction: await pool.extract(content, hint) });
}

const heading = (text: string, column: 1 | 2 = 1): Block => ({ text, style: 'heading', column });
const body = (text: string, column: 1 | 2 = 1): Block => ({ text, style: 'body', column });

describe('kinds of real layouts', () => {
  it('reads a CV whose headings are decorated and whose contact details sit in a sidebar', async () => {
    const decision = await readKind(
      [
        { text: 'Lucia Ferraro', style: 'title' },
        heading('| CONTACT', 2),
        body('lucia.ferraro@example.it', 2),
        heading('| LANGUAGES', 2),
        body('Italian (native), English (C1)', 2),
        heading('E X P E R I E N C E'),
        body('2021 - 2023 Research assistant, Politecnico di Milano'),
        heading('// EDUCATION'),
        body('2019 - 2021 MSc Data Science, Università di Padova'),
        heading('> SKILLS'),
        body('Python, R, Stan'),
      ],
      'pdf',
      2,
    );
    expect(decision.kind, decision.evidence.join('; ')).toBe('cv');
    expect(decision.evidence[0]).toMatch(/^[4-6] CV sections \(.*experience/);
  });

  it('reads ★ and icon-font headings in a DOCX CV', async () => {
    const decision = await readKind(
      [
        { text: 'Tomás Aguilar', style: 'title' },
        heading('★ EXPERIENCES'),
        body('2022 – present  Data engineer, Acme Analytics'),
        heading('\uf19d Formación académica'),
        body('2016 – 2020  Grado en Matemáticas, Universidad de Sevilla'),
        heading('■ Idiomas ■'),
        body('Español, inglés'),
      ],
      'docx',
    );
    expect(decision.kind, decision.evidence.join('; ')).toBe('cv');
  });

  it('reads a cover letter that opens with a company name, has no salutation and ends "Regards"', async () => {
    const decision = await readKind(
      [
        body('Northwind Robotics GmbH'),
        body('Hiring Team, Research Division'),
        body('I am applying for the doctoral position in legged locomotion that you advertised last week.'),
        body(
          'My master thesis studied model-predictive control of quadrupeds, and I would bring that experience',
        ),
        body('to your group. I have attached my CV, and I would be glad to tell you more in an interview.'),
        body('Regards,'),
        body('Jonas Weber'),
      ],
      'pdf',
    );
    expect(decision.kind, decision.evidence.join('; ')).toBe('cover-letter');
  });

  it('reads a reference with no salutation that ends "I recommend … Sincerely"', async () => {
    const decision = await readKind(
      [
        body('Department of Physics, University of Bologna'),
        body('Giulia Conti attended my course on statistical mechanics and then wrote her thesis under my'),
        body(
          'supervision. Her analysis of glassy dynamics was careful and original, and she presented it at',
        ),
        body('a national workshop. She works independently and asks the right questions.'),
        body('I recommend Giulia Conti for admission to your doctoral programme without reservation.'),
        body('Sincerely,'),
        body('Prof. Marco Bianchi'),
      ],
      'pdf',
    );
    expect(decision.kind, decision.evidence.join('; ')).toBe('reference');
  });

  it('does not take a letter to a friend for a cover letter', async () => {
    const decision = await readKind(
      [
        body('Dear Friend,'),
        body('I am back in Naumburg, and I have been thinking of our walks. I hope you are well and that'),
        body('your studies go as you wish. I have read the book you sent me and I liked it very much.'),
        body('Write to me soon and tell me all your news.'),
        body('Your friend, Friedrich'),
      ],
      'pdf',
    );
    expect(decision.kind, decision.evidence.join('; ')).not.toBe('cover-letter');
  });

  it('does not take a notice that only opens and closes like a letter for a cover letter', async () => {
    const decision = await readKind(
      [
        body('Dear Colleagues,'),
        body('The seminar room 2.14 is closed for repairs from 3 to 14 March. Meetings move to room 1.07'),
        body("on the ground floor for these two weeks. Keys are at the porters' lodge as usual."),
        body('Sincerely,'),
        body('Facilities Office'),
      ],
      'pdf',
    );
    expect(decision.kind, decision.evidence.join('; ')).toBe('other');
  });

  it('does not take a letter to a journal editor submitting a manuscript for a cover letter, even named so', async () => {
    const decision = await readKind(
      [
        body('Department of Physics, 12 Example Road, Exampletown'),
        body('3 March 2026'),
        body('Dear Editor,'),
        body('We would like to submit the manuscript entitled "Noise in coupled quantum dots" for'),
        body('consideration for publication in your journal. We suggest the following referees:'),
        body('Prof. A. Author and Dr B. Author.'),
        body('Yours sincerely,'),
        body('Ana Autora'),
      ],
      'pdf',
      1,
      'coverletter.pdf',
    );
    expect(decision.kind, decision.evidence.join('; ')).toBe('other');
    expect(decision.evidence[0]).toBe("a letter to a journal's editor about a manuscript ('dear editor,')");
  });

  it('reads a Spanish research proposal in ODT', async () => {
    const decision = await readKind(
      [
        { text: 'Propuesta de investigación doctoral', style: 'title' },
        heading('1. Introducción'),
        body('El aprendizaje automático se usa cada vez más en la agricultura de precisión (García, 2020).'),
        heading('2. Objetivos'),
        body('Proponemos modelos que predicen el rendimiento de los cultivos a partir de imágenes.'),
        heading('3. Metodología'),
        body('Usaremos redes convolucionales entrenadas con datos de satélite (López y Ruiz, 2019).'),
        heading('4. Cronograma'),
        body('Primer año: revisión de la literatura. Segundo año: experimentos.'),
        heading('Referencias'),
        body('García, A. (2020). Agricultura de precisión. Madrid: Síntesis.'),
      ],
      'odt',
    );
    expect(decision.kind, decision.evidence.join('; ')).toBe('research');
  });

  it('keeps talk slides with marks-like numbers, "Note" and "fail" as other, naming the slides', async () => {
    const slides = Array.from({ length: 10 }, (_, index): Block[] => [
      { text: `Results ${index + 1}`, style: 'heading', pageBreak: index > 0 },
      body(`Note: runs ${index + 2} and ${index + 3} fail 3 of 10 times`),
      body(`Accuracy 91.${index} 88.${index}`),
      body(`${index + 1}`),
    ]).flat();
    const decision = await readKind([{ text: 'Calibrated segmentation', style: 'title' }, ...slides], 'pdf');
    expect(decision.kind, decision.evidence.join('; ')).toBe('other');
    expect(decision.evidence[0]).toMatch(/^slides \(10 pages/);
  });

  it('keeps a user manual with LaTeX code and CV headings as other, naming the code', async () => {
    const code = Array.from({ length: 40 }, (_, index) => [
      body(`\\cventry{20${10 + index}}{Job title}{Employer}{City}{}{Description}`),
      body('\\section{Experience}'),
    ]).flat();
    const decision = await readKind(
      [
        { text: 'The template user guide', style: 'title' },
        heading('Education'),
        heading('Experience'),
        heading('Languages'),
        heading('Skills'),
        ...code,
      ],
      'pdf',
    );
    expect(decision.kind, decision.evidence.join('; ')).toBe('other');
    expect(decision.evidence[0]).toMatch(/lines of code or markup/);
  });
});
