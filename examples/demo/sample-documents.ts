import { pdfAttachment, type MailAttachment } from '../../test/support/build-mail.ts';
import type { DocumentSpec } from '../../test/support/documents/document-spec.ts';

/** Lines of a sample document; a line starting with `# ` is a heading. */
type Lines = readonly string[];

const ADA_CV: Lines = [
  '# Ada Lovelace',
  'ada.lovelace@example.org | +44 7700 900123 | github.com/adalovelace | orcid.org/0000-0002-1825-0097',
  '# Education',
  'MSc Artificial Intelligence, University of Edinburgh, 2023 - 2024',
  'Distinction',
  'BSc Mathematics, University of London, 2020 - 2023',
  'First Class Honours',
  '# Experience',
  'Research intern, Medical Imaging Lab, 2023: adversarial robustness of segmentation networks in PyTorch.',
  '# Publications',
  '[1] A. Lovelace, C. Babbage. Robust segmentation under domain shift. MICCAI 2024. doi:10.1007/978-3-031-72390-2_1',
  '[2] C. Babbage, A. Lovelace. Certified defences for medical imaging. arXiv:2403.01234',
  '# Skills',
  'Python, PyTorch, TensorFlow, explainable AI, medical imaging',
  '# Languages',
  'English (native), IELTS Academic 8.0',
];

const ADA_TRANSCRIPT: Lines = [
  '# University of Edinburgh - Academic Transcript',
  'Student: Ada Lovelace    Programme: MSc Artificial Intelligence',
  'Code    Course    Credits    Mark',
  'INFR11145    Machine Learning Practical    20    78',
  'INFR11130    Probabilistic Modelling and Reasoning    20    74',
  'INFR11152    Reinforcement Learning    20    71',
  'INFR11205    Computer Vision    20    80',
  'INFR11099    MSc Dissertation    60    76',
  'Degree awarded: MSc with Distinction',
];

const BO_CV: Lines = [
  '# Bo Zhang',
  'bo.zhang@example.net',
  '# Education',
  'B.Tech Computer Science and Engineering, Indian Institute of Technology Delhi, 2020 - 2024',
  'CGPA: 8.7/10',
  '# Projects',
  'Explainable AI for chest X-ray classification (PyTorch)',
  '# Skills',
  'Python, C++, PyTorch',
];

const BO_TRANSCRIPT: Lines = [
  '# Indian Institute of Technology Delhi - Grade Card',
  'Name: Bo Zhang    Programme: B.Tech Computer Science and Engineering',
  'Course    Title    Credits    Grade',
  'COL106    Data Structures and Algorithms    4    A',
  'COL215    Digital Logic and System Design    4    A-',
  'COL331    Operating Systems    4    B',
  'COL341    Machine Learning    4    A',
  'COL774    Machine Learning (Advanced)    4    A',
  'Cumulative Grade Point Average (CGPA): 8.7/10',
];

const MEI_CV: Lines = [
  '# Mei Tanaka',
  'mei.tanaka@example.jp',
  '# Education',
  'MEng Information Science, Kyoto University, 2023 - 2025',
  '# Research',
  'Master thesis: human-in-the-loop interactive segmentation of ultrasound video.',
  '# Skills',
  'Python, PyTorch, MONAI',
];

/** What each demo attachment contains; a file not listed gets a placeholder that names it. */
const SAMPLE_DOCUMENTS: Readonly<Record<string, Lines>> = {
  'CV_Ada_Lovelace.pdf': ADA_CV,
  'Transcript_Ada_Lovelace.pdf': ADA_TRANSCRIPT,
  'Bo_Zhang_CV.pdf': BO_CV,
  'Transcript_Bo_Zhang.pdf': BO_TRANSCRIPT,
  'Mei_Tanaka_CV.pdf': MEI_CV,
};

/** A real PDF for a demo attachment, set at 10 pt (at 11, more lines of Ada's CV would wrap). */
export function sampleAttachment(filename: string): Promise<MailAttachment> {
  const lines = SAMPLE_DOCUMENTS[filename];
  const spec = lines === undefined ? undefined : sampleDocument(filename, lines);
  return pdfAttachment(filename, spec, { bodySize: 10 });
}

function sampleDocument(title: string, lines: Lines): DocumentSpec {
  return {
    title,
    blocks: lines.map((line) =>
      line.startsWith('# ') ? { text: line.slice(2), style: 'heading' } : { text: line },
    ),
  };
}
