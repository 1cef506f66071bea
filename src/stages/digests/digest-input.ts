import type { CandidateRecord } from '../../candidates/candidate-record.ts';
import type { ScoreWeights } from '../../config/schema.ts';
import type { DocumentKind } from '../../domain/document-kinds.ts';
import type { CandidateProfile } from '../../domain/fit-profile.ts';
import type { DigestAttention } from './digest-attention.ts';

/** One vacancy of a supervisor's digest: what changed since the previous digest, and every candidate. */
export interface DigestVacancy {
  vacancy: {
    id: string;
    title: string;
    tag: string | null;
    deadline: string | null;
    required: DocumentKind[];
  };
  /** Candidates new or updated since the previous digest. `isNew`: first seen since then. */
  changed: Array<{ candidate: CandidateRecord; isNew: boolean; profile?: CandidateProfile }>;
  /** Every candidate of the vacancy (totals and the CSV). */
  all: Array<{ candidate: CandidateRecord; profile?: CandidateProfile }>;
  /** For a vacancy with a registration form: each candidate's registration as shown (registrationText), by id. */
  registrations?: ReadonlyMap<string, string>;
  /** Review items ("possibly applications") and questions waiting for an answer (digestAttention); absent: none. */
  attention?: DigestAttention;
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
