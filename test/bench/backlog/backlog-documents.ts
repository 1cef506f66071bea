import { buildDocument } from '../../support/documents/build-document.ts';
import type { DocumentSpec } from '../../support/documents/document-spec.ts';
import { seededRandom } from '../thesis-prose.ts';
import { type Applicant, ascii } from './applicants.ts';
import {
  coverLetterSpec,
  cvSpecFor,
  researchSpec,
  type ResearchKind,
  transcriptSpec,
} from './backlog-specs.ts';

/** One attachment of a generated application. */
export interface BacklogDocument {
  kind: 'cv' | 'transcript' | 'research' | 'cover-letter' | 'large';
  filename: string;
  contentType: string;
  content: Buffer;
}

/** Documents built once and attached (as unique copies) to many applications. */
export interface DocumentPool {
  research: BacklogDocument[];
  transcripts: BacklogDocument[];
  coverLetters: BacklogDocument[];
}

const PDF = 'application/pdf';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
/** Share of CVs and cover letters sent as DOCX; the rest are PDF. */
export const DOCX_SHARE = 0.2;

const RESEARCH_POOL = 40;
const TRANSCRIPT_POOL = 20;
const COVER_LETTER_POOL = 20;

// Pages by research kind: papers 8–15, master's theses 25–40, proposals 1–6 (together: 1–40).
const RESEARCH_PAGES: Record<ResearchKind, [number, number]> = {
  paper: [8, 15],
  thesis: [25, 40],
  proposal: [1, 6],
};
const RESEARCH_KINDS: ResearchKind[] = ['paper', 'paper', 'proposal', 'thesis'];

/** Builds the shared pool: distinct research documents, transcripts and cover letters (fixed seeds). */
export async function buildDocumentPool(seed: number): Promise<DocumentPool> {
  const random = seededRandom(seed);
  const between = ([low, high]: [number, number]) => low + Math.floor(random() * (high - low + 1));
  const research: BacklogDocument[] = [];
  for (let index = 0; index < RESEARCH_POOL; index += 1) {
    const kind = RESEARCH_KINDS[index % RESEARCH_KINDS.length] as ResearchKind;
    const spec = researchSpec(kind, between(RESEARCH_PAGES[kind]), seed + 100 + index);
    research.push(await build('research', `${kind}.pdf`, spec, 'pdf'));
  }
  const transcripts: BacklogDocument[] = [];
  for (let index = 0; index < TRANSCRIPT_POOL; index += 1) {
    transcripts.push(await buildTranscript(seed + 200 + index, between([1, 2])));
  }
  const coverLetters: BacklogDocument[] = [];
  for (let index = 0; index < COVER_LETTER_POOL; index += 1) {
    const format = index < COVER_LETTER_POOL * DOCX_SHARE ? 'docx' : 'pdf';
    const spec = coverLetterSpec(seed + 300 + index);
    coverLetters.push(await build('cover-letter', `Cover_Letter.${format}`, spec, format));
  }
  return { research, transcripts, coverLetters };
}

/** A CV of 1–3 pages built for this applicant (unless a format is given, DOCX for about one in five). */
export function buildCv(
  applicant: Applicant,
  random: () => number,
  format: 'pdf' | 'docx' = random() < DOCX_SHARE ? 'docx' : 'pdf',
): Promise<BacklogDocument> {
  const spec = cvSpecFor(applicant, 1 + Math.floor(random() * 3), random);
  return build('cv', `CV_${ascii(applicant.first)}_${ascii(applicant.last)}.${format}`, spec, format);
}

/** A PDF transcript of records with grade tables. */
export function buildTranscript(seed: number, pages: number): Promise<BacklogDocument> {
  return build('transcript', 'Transcript_of_Records.pdf', transcriptSpec(seed, pages), 'pdf');
}

async function build(
  kind: BacklogDocument['kind'],
  filename: string,
  spec: DocumentSpec,
  format: 'pdf' | 'docx',
): Promise<BacklogDocument> {
  const content = await buildDocument(spec, format);
  return { kind, filename, contentType: format === 'pdf' ? PDF : DOCX, content };
}

/** A large figure-heavy PDF, as built by buildImagePdf. */
export function largeDocument(content: Buffer): BacklogDocument {
  return { kind: 'large', filename: 'MSc_thesis_with_figures.pdf', contentType: PDF, content };
}

/**
 * A copy of a pooled document whose bytes no other copy has, made cheaply: a PDF gets a comment line after its
 * final `%%EOF` (readers ignore it), a DOCX (a zip) gets the id as its zip comment.
 */
export function uniqueCopy(document: BacklogDocument, id: string): BacklogDocument {
  const marker = Buffer.from(`bench-copy ${id}`, 'latin1');
  const content =
    document.contentType === DOCX
      ? withZipComment(document.content, marker)
      : Buffer.concat([document.content, Buffer.from('\n%'), marker, Buffer.from('\n')]);
  return { ...document, content };
}

// The end-of-central-directory record: 22 bytes at the end of a zip without a comment, the comment's length
// in its last two bytes, then the comment itself.
const EOCD_SIGNATURE = 0x06054b50;
const EOCD_BYTES = 22;

function withZipComment(zip: Buffer, comment: Buffer): Buffer {
  const start = zip.length - EOCD_BYTES;
  if (start < 0 || zip.readUInt32LE(start) !== EOCD_SIGNATURE || zip.readUInt16LE(zip.length - 2) !== 0) {
    throw new Error('uniqueCopy: this DOCX already has a zip comment or is not a plain zip');
  }
  const copy = Buffer.concat([zip, comment]);
  copy.writeUInt16LE(comment.length, zip.length - 2);
  return copy;
}
