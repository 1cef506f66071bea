import { buildCandidateProfile, type CandidateProfileView } from '../candidates/candidate-profile.ts';
import type { CandidateRecord } from '../candidates/candidate-record.ts';
import type { DocumentKind } from '../domain/document-kinds.ts';
import type { DocumentFacts } from '../documents/document-facts.ts';
import type { ExtractionRecord } from '../documents/document-reading.ts';
import type { IngestPlan } from '../stages/ingest/plan-ingest.ts';
import type { TriageResult } from '../stages/ingest/triage-message.ts';

/** The `explain` answer: what the daemon would do with one message (JSON shape of the public CLI). */
export interface Explanation {
  classification: { kind: string; rule: string; detail: string };
  vacancy: TriageResult['vacancy'];
  applicant: { name: string; email: string } | null;
  documents: ExplainedDocument[];
  missing: DocumentKind[];
  flags: string[];
  /** What the documents and the mail say about the applicant; null when the message is not an application. */
  profile: CandidateProfileView | null;
  reply: {
    send: boolean;
    reason: string;
    to: string | null;
    subject: string | null;
    text: string | null;
    /** Where a reply to this message goes and why (From, or a Reply-To and its evidence); absent for non-applications. */
    recipientRule?: { rule: string; detail: string };
  };
  /** For a bounce: whom it names, which of our replies, and whom it suppresses and why; else null. */
  bounce: ExplainedBounce | null;
  /** For a near miss (kind `review`): why its tag missed, the vacancy it is probably for, and the evidence; else null. */
  review: { reason: string; vacancy: string; matched: string; evidence: string[] } | null;
  /** For a message without documents that asks something: the asking sentences and its first lines; else null. */
  question: { phrases: string[]; firstLines: string } | null;
  /** For a referee's mail: whom it names or quotes, and the candidate it is linked to and why (or why it waits). */
  reference?: ExplainedReference;
}

/** A referee's mail as the ingest stage links it (see findReferenceLink). */
export interface ExplainedReference {
  referee: { name: string; email: string };
  names: string[];
  addresses: string[];
  /** The candidate it is linked to, by which rule and on what evidence; null: held until its applicant writes. */
  link: { candidateId: string; rule: string; detail: string } | null;
}

/** A bounce as the ingest stage judges it (see verifyBounce). */
export interface ExplainedBounce {
  failedRecipients: string[];
  references: string[];
  suppress: string[];
  reason: string;
}

/** A document, its kind and why; `extraction` is null when it was not read. */
export interface ExplainedDocument {
  filename: string;
  /** The containers it was unpacked from, outermost first (e.g. `["winmail.dat"]`); [] when none. */
  within: string[];
  kind: DocumentKind;
  kindSource: 'content' | 'filename' | 'none';
  evidence: string[];
  extraction: ExtractionRecord | null;
}

/**
 * The explanation of a planned message: its classification and vacancy, this message's documents, and — for an
 * application — the candidate as the daemon would record it (missing documents, flags, profile). Pure.
 */
export function toExplanation(
  plan: IngestPlan,
  candidate: CandidateRecord | null,
  documents: readonly DocumentFacts[],
  reply: Explanation['reply'],
  bounce: ExplainedBounce | null = null,
): Explanation {
  const { classification, applicant, nearMiss } = plan.triage;
  return {
    classification: { kind: classification.kind, rule: classification.rule, detail: classification.detail },
    vacancy: plan.triage.vacancy,
    applicant: applicant ? { name: applicant.name, email: applicant.address } : null,
    documents: documents.map((document) => ({
      filename: document.filename,
      within: document.within,
      kind: document.kind,
      kindSource: document.reading?.kindSource ?? 'filename',
      evidence: document.reading?.evidence ?? [],
      extraction: document.reading?.extraction ?? null,
    })),
    missing: candidate?.missing ?? plan.triage.missing,
    flags: candidate?.flags ?? plan.triage.flags,
    profile: candidate ? buildCandidateProfile(candidate) : null,
    reply,
    bounce,
    review:
      nearMiss === null
        ? null
        : {
            reason: nearMiss.reason,
            vacancy: nearMiss.vacancyId,
            matched: nearMiss.matched,
            evidence: nearMiss.evidence,
          },
    question: plan.application?.incoming.message.question ?? null,
  };
}
