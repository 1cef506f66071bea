import { buildMail } from '../../support/build-mail.ts';
import { buildImagePdf } from '../build-image-pdf.ts';
import { seededRandom } from '../thesis-prose.ts';
import { type Applicant, applicantAt } from './applicants.ts';
import {
  type BacklogDocument,
  buildCv,
  buildDocumentPool,
  type DocumentPool,
  largeDocument,
  uniqueCopy,
} from './backlog-documents.ts';
import { buildNoiseMail, NOISE_KINDS, type NoiseKind } from './noise-mail.ts';

/** What backlog to generate (from the section's flags). */
export interface BacklogPlan {
  applications: number;
  /** Extra messages needing no acknowledgement, as a share of the applications (0.1: 10 %). */
  noise: number;
  largeFiles: number;
  /** Sizes of the large attachments, in MB of 10^6 bytes. */
  largeMbMin: number;
  largeMbMax: number;
}

/** One generated message, in the order it is delivered. */
export interface BacklogMessage {
  raw: Buffer;
  kind: 'application' | NoiseKind;
  /** The applicant's address (applications only): who must get exactly one acknowledgement. */
  applicant: string | null;
  attachments: number;
}

const SEED = 2026;
const OPTIONAL_KINDS = ['transcript', 'research', 'cover-letter'] as const;

/** The messages of the backlog, generated one at a time (so a large backlog is never all in memory). */
export async function* generateBacklog(plan: BacklogPlan): AsyncGenerator<BacklogMessage> {
  const random = seededRandom(SEED);
  const pool = await buildDocumentPool(SEED);
  const large = await buildLargeFiles(plan, random);
  const noiseTotal = Math.round(plan.applications * plan.noise);
  for (let index = 0; index < plan.applications; index += 1) {
    const applicant = applicantAt(index);
    const documents = [await buildCv(applicant, random)];
    const largeFile = large.get(index);
    if (largeFile === undefined) documents.push(...drawDocuments(pool, random, index));
    else documents.push(uniqueCopy(largeFile, `large-${index}`));
    yield {
      raw: await applicationMail(applicant, index, documents),
      kind: 'application',
      applicant: applicant.address,
      attachments: documents.length,
    };
    // Noise is spread evenly between the applications.
    const noiseDue = Math.floor(((index + 1) * noiseTotal) / plan.applications);
    for (let noise = Math.floor((index * noiseTotal) / plan.applications); noise < noiseDue; noise += 1) {
      const kind = NOISE_KINDS[Math.floor(random() * NOISE_KINDS.length)] as NoiseKind;
      yield { raw: await buildNoiseMail(kind, noise, random), kind, applicant: null, attachments: 0 };
    }
  }
}

/** The CV comes with 0–3 more documents, each a unique copy of one from the pool. */
function drawDocuments(pool: DocumentPool, random: () => number, index: number): BacklogDocument[] {
  const extra = Math.floor(random() * 4);
  const kinds = [...OPTIONAL_KINDS].sort(() => random() - 0.5).slice(0, extra);
  return kinds.map((kind) => {
    const from =
      kind === 'transcript' ? pool.transcripts : kind === 'research' ? pool.research : pool.coverLetters;
    const document = from[Math.floor(random() * from.length)] as BacklogDocument;
    return uniqueCopy(document, `${index}-${kind}`);
  });
}

/** An application for the benchmark's vacancy from this applicant, with these attachments. */
export function applicationMail(
  applicant: Applicant,
  index: number,
  documents: BacklogDocument[],
): Promise<Buffer> {
  return buildMail({
    from: applicant.from,
    subject: `[PHD-robustAI] Application ${applicant.name}`,
    messageId: `<bench-application-${index}@example.org>`,
    text: [
      'Dear Dr Chen,',
      '',
      'I would like to apply for the PhD position in Robust AI. Please find my documents attached.',
      '',
      'Best regards,',
      applicant.name,
    ].join('\n'),
    attachments: documents.map(({ filename, content, contentType }) => ({ filename, content, contentType })),
  });
}

/** The large PDFs, keyed by the application they go to (spread evenly over the backlog). */
async function buildLargeFiles(
  plan: BacklogPlan,
  random: () => number,
): Promise<Map<number, BacklogDocument>> {
  const large = new Map<number, BacklogDocument>();
  for (let file = 0; file < plan.largeFiles; file += 1) {
    const megabytes = plan.largeMbMin + random() * (plan.largeMbMax - plan.largeMbMin);
    const { content } = await buildImagePdf(Math.round(megabytes * 1_000_000));
    large.set(Math.floor(((file + 0.5) * plan.applications) / plan.largeFiles), largeDocument(content));
  }
  return large;
}
