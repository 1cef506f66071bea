import type { DocumentKind } from '../domain/document-kinds.ts';
import { guessDocumentKind } from './guess-document-kind.ts';
import type { ExtractedText } from './extraction.ts';
import type { Clue } from './kind-evidence/clue.ts';
import { findKindClues } from './kind-evidence/find-kind-clues.ts';

/** A document's kind, and why. */
export interface KindDecision {
  kind: DocumentKind;
  /** Why, strongest first, in words: "title 'Academic Transcript'", "grade table (24 rows)", "32 module codes", "file name 'CV.pdf'". */
  evidence: string[];
  /** Where the decision came from: the text, the file name only (text unreadable or inconclusive), or nothing. */
  source: 'content' | 'filename' | 'none';
  /** Score per kind that got any evidence (for explain --json and debugging). */
  scores: Partial<Record<DocumentKind, number>>;
}

/** What classifying a document needs: its name, its type, and what reading it gave. */
export interface ClassifyInput {
  filename: string | null;
  contentType: string;
  extraction: Pick<ExtractedText, 'status' | 'text' | 'pages' | 'format'>;
}

/** The file name's clue: one piece of evidence, which a clear reading of the content outweighs. */
export const FILENAME_WEIGHT = 2;
/** The content decides only when its best kind scores at least this; below, the text is inconclusive. */
export const MIN_CONTENT_SCORE = 4;

/** Decides a document's kind from its content first and its file name second; pure and deterministic. */
export function classifyDocument(input: ClassifyInput): KindDecision {
  const { filename, contentType, extraction } = input;
  const named = guessDocumentKind(filename, contentType);
  const nameClue: Clue | null =
    named === 'other' || filename === null
      ? null
      : { kind: named, weight: FILENAME_WEIGHT, label: `file name '${filename}'` };
  const content = extraction.status === 'ok' ? findKindClues(extraction.text, extraction.pages) : [];
  const clues = nameClue === null ? content : [...content, nameClue];
  const scores = sumScores(clues);
  if (bestScore(sumScores(content)) < MIN_CONTENT_SCORE) {
    const why = inconclusive(extraction);
    if (nameClue === null) return { kind: 'other', evidence: [why], source: 'none', scores };
    return { kind: named, evidence: [nameClue.label, why], source: 'filename', scores };
  }
  const kind = pickKind(scores, named);
  if (kind === 'other' && scores.other === bestScore(scores))
    return { kind, evidence: explain(clues, kind, nameClue), source: 'content', scores };
  if (kind === 'other') return { kind, evidence: ['no kind stands out'], source: 'none', scores };
  return { kind, evidence: explain(clues, kind, nameClue), source: 'content', scores };
}

function sumScores(clues: readonly Clue[]): Partial<Record<DocumentKind, number>> {
  const scores: Partial<Record<DocumentKind, number>> = {};
  for (const clue of clues) scores[clue.kind] = round((scores[clue.kind] ?? 0) + clue.weight);
  return scores;
}

function bestScore(scores: Partial<Record<DocumentKind, number>>): number {
  return Math.max(0, ...Object.values(scores));
}

/** The highest score; on a tie, the file name's kind if it is among the tied, else 'other'. */
function pickKind(scores: Partial<Record<DocumentKind, number>>, named: DocumentKind): DocumentKind {
  const best = bestScore(scores);
  const tied = (Object.keys(scores) as DocumentKind[]).filter((kind) => scores[kind] === best);
  if (tied.length === 1) return tied[0] ?? 'other';
  return tied.includes(named) ? named : 'other';
}

/** The chosen kind's evidence, strongest first; a file name that said otherwise is noted last. */
function explain(clues: readonly Clue[], kind: DocumentKind, nameClue: Clue | null): string[] {
  const evidence = clues
    .filter((clue) => clue.kind === kind)
    .sort((a, b) => b.weight - a.weight)
    .map((clue) => clue.label);
  if (nameClue !== null && nameClue.kind !== kind)
    evidence.push(`${nameClue.label} (${nameClue.kind}) outweighed`);
  return evidence;
}

function inconclusive(extraction: ClassifyInput['extraction']): string {
  if (extraction.status !== 'ok') return `text unreadable (${extraction.status})`;
  return extraction.text.trim() === '' ? 'no text' : 'text inconclusive';
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
