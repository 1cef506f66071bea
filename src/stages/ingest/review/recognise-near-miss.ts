import type { DocumentKind } from '../../../domain/document-kinds.ts';
import { matchKeywords } from '../../../profile/match-keywords.ts';
import { findStudyIntent } from '../../enquiries/study-intent.ts';
import { findNearMissTag, type NearMissReason } from './near-miss-tag.ts';

/** Mail that looks like an application for a vacancy but lacks its tag: why, for which vacancy, and the evidence. */
export interface NearMiss {
  vacancyId: string;
  reason: NearMissReason;
  /** The subject text that nearly is the tag; '' when the tag is missing. */
  matched: string;
  /** Why it looks like an application, and why this vacancy: one line each. */
  evidence: string[];
}

/** What the recogniser reads besides the subject: the sender's own text, the documents' kinds, and the vacancies. */
export interface NearMissContext {
  text: string;
  /** The attachments and their kinds: guessed from name and type, or `read` from their content. */
  documents: readonly { filename: string; kind: DocumentKind; read?: true }[];
  /** The mailbox's tagged vacancies, in configured order. */
  vacancies: readonly { id: string; tag: string; keywords: readonly string[] }[];
  /** Whether mail without any tag-like word can be a near miss: not where open calls take untagged mail. */
  missingTagCounts: boolean;
}

const APPLICATION_KINDS: ReadonlySet<DocumentKind> = new Set(['cv', 'transcript']);
/** Only the start of a body is searched for a vacancy's keywords. */
const TEXT_LIMIT = 3000;

/**
 * A near miss: untagged mail with a CV or transcript attached (kinds guessed from name and type) or study intent
 * in its subject or text, whose subject nearly carries a vacancy's tag (findNearMissTag) — or, with a CV or
 * transcript attached, carries none at all while the vacancy is plain (the mailbox's only tagged one, or the only
 * one whose keywords the mail names) in a mailbox without open calls.
 * Null when it does not look like an application or no vacancy is likely. Pure.
 */
export function recogniseNearMiss(subject: string, context: NearMissContext): NearMiss | null {
  const signs = applicationSigns(subject, context);
  if (signs.length === 0) return null;
  const tag = findNearMissTag(subject, context.vacancies);
  if (tag !== null) {
    const configured = context.vacancies.find((vacancy) => vacancy.id === tag.vacancyId)?.tag ?? '';
    const evidence = [...signs, `subject "${tag.matched}" is close to the tag [${bare(configured)}]`];
    return { ...tag, evidence };
  }
  // Without a tag-like word, study intent alone is an enquiry (answered as one, when enabled): a document decides.
  if (!context.missingTagCounts) return null;
  if (!context.documents.some((document) => APPLICATION_KINDS.has(document.kind))) return null;
  const likely = likelyVacancy(subject, context);
  if (likely === null) return null;
  return { vacancyId: likely.id, reason: 'tag-missing', matched: '', evidence: [...signs, likely.why] };
}

function applicationSigns(subject: string, context: NearMissContext): string[] {
  const signs = context.documents
    .filter((document) => APPLICATION_KINDS.has(document.kind))
    .map((document) => `${document.kind}${document.read ? ' (read)' : ''} attached: ${document.filename}`);
  const intent = findStudyIntent(subject, context.text);
  if (intent !== null) signs.push(`study intent in the ${intent.place}: "${intent.quote}"`);
  return signs;
}

function likelyVacancy(subject: string, context: NearMissContext): { id: string; why: string } | null {
  const [only, ...others] = context.vacancies;
  if (only !== undefined && others.length === 0)
    return { id: only.id, why: `no tag; the mailbox's only tagged vacancy is ${only.id}` };
  const text = `${subject}\n${context.text.slice(0, TEXT_LIMIT)}`;
  const named = context.vacancies
    .map((vacancy) => ({ id: vacancy.id, found: matchKeywords(text, vacancy.keywords) }))
    .filter((entry) => entry.found.length > 0)
    .sort((a, b) => b.found.length - a.found.length);
  const [best, second] = named;
  if (best === undefined || (second !== undefined && second.found.length === best.found.length)) return null;
  return { id: best.id, why: `no tag; names ${best.id}'s keywords: ${best.found.join(', ')}` };
}

function bare(tag: string): string {
  return tag.replace(/^\[|\]$/g, '');
}
