import { buildDocument } from '../support/documents/build-document.ts';
import type { Block, DocumentSpec } from '../support/documents/document-spec.ts';
import { buildImagePdf } from './build-image-pdf.ts';
import { paragraph, seededRandom, thesisPages } from './thesis-prose.ts';

/** A generated document to benchmark, with the pages it was built with. */
export interface BenchDocument {
  name: string;
  filename: string;
  contentType: string;
  content: Buffer;
  /** Pages as built (a DOCX has no page count of its own: these are its page breaks). */
  pages: number;
}

export interface BenchDocumentOptions {
  thesisPages: number;
  /** Size of the large image-heavy PDF in MB; 0 leaves it out. */
  bigMb: number;
}

const PDF = 'application/pdf';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Builds the benchmark's documents in-process with the test fixture builders; the same bytes every run. */
export async function buildBenchDocuments(options: BenchDocumentOptions): Promise<BenchDocument[]> {
  const documents = [
    await bench('thesis', 'thesis.pdf', thesisSpec(options.thesisPages), options.thesisPages),
    await bench('cv', 'cv.pdf', cvSpec(), 2),
    await bench('paper', 'paper.pdf', paperSpec(10), 10),
    await bench('proposal', 'proposal.docx', proposalSpec(30), 30),
  ];
  if (options.bigMb > 0) {
    const big = await buildImagePdf(options.bigMb * 1024 * 1024);
    documents.push({ name: 'figures', filename: 'figures.pdf', contentType: PDF, ...big });
  }
  return documents;
}

async function bench(
  name: string,
  filename: string,
  spec: DocumentSpec,
  pages: number,
): Promise<BenchDocument> {
  const format = filename.endsWith('.docx') ? 'docx' : 'pdf';
  const content = await buildDocument(spec, format);
  return { name, filename, contentType: format === 'docx' ? DOCX : PDF, content, pages };
}

/** A PhD thesis: a title page with the degree statement and abstract, then chapters of prose. */
export function thesisSpec(pages: number): DocumentSpec {
  return {
    title: 'PhD thesis',
    blocks: [
      { text: 'Robust Probabilistic Learning from Noisy Sequences', style: 'title' },
      { text: 'Maria Rossi' },
      {
        text: 'A thesis submitted in partial fulfilment of the requirements for the degree of Doctor of Philosophy',
      },
      { text: 'Abstract', style: 'heading' },
      { text: paragraph(seededRandom(1), 8) },
      ...startOnNewPage(thesisPages(pages - 1, 20, 2)),
    ],
  };
}

/** The blocks with a page break before the first. */
function startOnNewPage(blocks: Block[]): Block[] {
  const [first, ...rest] = blocks;
  return first === undefined ? [] : [{ ...first, pageBreak: true }, ...rest];
}

/** A two-page CV: contact line, the usual sections, date ranges and a publication list. */
export function cvSpec(): DocumentSpec {
  const random = seededRandom(3);
  const entries = (heading: string, lines: string[]): Block[] => [
    { text: heading, style: 'heading' },
    ...lines.map((text) => ({ text })),
  ];
  return {
    title: 'Curriculum Vitae',
    blocks: [
      { text: 'Maria Rossi', style: 'title' },
      { text: 'maria.rossi@example.org  |  +41 44 123 45 67  |  github.com/mrossi' },
      ...entries('Education', [
        '2022 - 2024  MSc in Computer Science, ETH Zürich. Grade 5.6 / 6.',
        '2019 - 2022  BSc in Mathematics, Università di Bologna. 110/110 cum laude.',
      ]),
      ...entries('Research Experience', [
        `2023 - 2024  Research assistant, Data Analytics Lab. ${paragraph(random, 3)}`,
        `2022 - 2023  Intern, Bioinformatics Group. ${paragraph(random, 3)}`,
      ]),
      ...entries('Publications', [
        'Rossi M., Keller A. et al. Sparse attention for long sequences. NeurIPS 2024.',
        'Rossi M., Moreau J. Calibrated uncertainty for graph models. ICML Workshop 2023.',
      ]),
      { text: 'Skills', style: 'heading', pageBreak: true },
      { text: 'Python, PyTorch, JAX, R, SQL, LaTeX; English C1, Italian native.' },
      ...entries('Teaching Experience', [`2023  Teaching assistant, Probability. ${paragraph(random, 2)}`]),
      ...entries('Awards', ['2024  ETH Medal for an outstanding master thesis.']),
      ...entries('References', ['Prof. A. Keller, ETH Zürich; Dr. J. Moreau, Inria Paris.']),
    ],
  };
}

/** A conference paper of `pages` pages: title and abstract, the usual sections, a page of references. */
export function paperSpec(pages: number): DocumentSpec {
  const sections = ['Introduction', 'Related Work', 'Method', 'Experiments', 'Results', 'Conclusion'];
  const body = thesisPages(pages - 2, pages, 4).filter((block) => block.style !== 'heading');
  const perSection = Math.ceil(body.length / sections.length);
  const sectioned = body.flatMap((block, index): Block[] => {
    if (index % perSection !== 0) return [block];
    const heading = sections[index / perSection] ?? 'Discussion';
    return [{ text: heading, style: 'heading', pageBreak: block.pageBreak }, { text: block.text }];
  });
  const references = Array.from({ length: 20 }, (_, index) => ({
    text: `[${index + 1}] A. Keller, J. Moreau et al. A study of sequence models, part ${index + 1}. JMLR, 2021.`,
  }));
  return {
    title: 'Sparse Attention for Long Sequences',
    blocks: [
      { text: 'Sparse Attention for Long Sequences', style: 'title' },
      { text: 'Maria Rossi, Anna Keller, Jean Moreau' },
      { text: 'Abstract', style: 'heading' },
      { text: paragraph(seededRandom(5), 5) },
      ...startOnNewPage(sectioned),
      { text: 'References', style: 'heading', pageBreak: true },
      ...references,
    ],
  };
}

/** A research proposal of `pages` pages as a DOCX: the thesis prose under proposal headings. */
export function proposalSpec(pages: number): DocumentSpec {
  const [first, ...rest] = thesisPages(pages, 6, 6);
  return {
    title: 'Research proposal',
    blocks: [
      { text: 'Research Proposal: Learning under Distribution Shift', style: 'title' },
      { text: 'Research Questions', style: 'heading' },
      { ...(first as Block), pageBreak: false },
      ...rest,
    ],
  };
}
