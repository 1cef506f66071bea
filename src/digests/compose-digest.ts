import type { CandidateRecord } from '../candidates/candidate-record.ts';
import type { DocumentKind, ScoreWeights } from '../config/schema.ts';
import { digestCsv } from './digest-csv.ts';
import { buildDigestView } from './digest-view.ts';
import type { CandidateProfile } from './fit-score.ts';
import { renderDigestHtml } from './render-digest-html.ts';
import { renderDigestText } from './render-digest-text.ts';

/** One vacancy of a supervisor's digest: what changed since the previous digest, and every candidate. */
export interface DigestVacancy {
  vacancy: { id: string; title: string; tag: string; deadline: string | null; required: DocumentKind[] };
  /** Candidates new or updated since the previous digest. `isNew`: first seen since then. */
  changed: Array<{ candidate: CandidateRecord; isNew: boolean; profile?: CandidateProfile }>;
  /** Every candidate of the vacancy (totals and the CSV). */
  all: Array<{ candidate: CandidateRecord; profile?: CandidateProfile }>;
}

/** Everything one supervisor's digest is made from. */
export interface DigestInput {
  supervisor: string;
  /** ISO 8601; the moment the digest is composed. */
  now: string;
  /** IANA time zone all dates are shown in. */
  timezone: string;
  vacancies: DigestVacancy[];
  weights: ScoreWeights;
  /** Compose a short "no new applications" digest when nothing changed (otherwise `null`). */
  sendEmpty: boolean;
  signature: string;
}

/** A digest ready to send: subject, both bodies, one CSV per vacancy, and how many candidates it reports. */
export interface ComposedDigest {
  subject: string;
  text: string;
  html: string;
  attachments: Array<{ filename: string; content: string; contentType: 'text/csv; charset=utf-8' }>;
  counts: { new: number; updated: number };
}

/**
 * Composes a supervisor's digest: per vacancy the new and then the updated candidates (complete first, then by
 * fit score, then by arrival), totals and the deadline, plus a CSV of all candidates per vacancy. Returns
 * `null` when nothing changed and `sendEmpty` is false. Never attaches applicant documents. Pure.
 */
export function composeDigest(input: DigestInput): ComposedDigest | null {
  const view = buildDigestView(input);
  const { counts } = view;
  if (counts.new + counts.updated === 0 && !input.sendEmpty) return null;
  return {
    subject: view.subject,
    text: renderDigestText(view),
    html: renderDigestHtml(view),
    attachments: input.vacancies.flatMap((vacancy) => digestCsv(vacancy, input.weights) ?? []),
    counts,
  };
}
