import type { DocumentKind } from '../../domain/document-kinds.ts';

/** One piece of evidence for a kind: how much it weighs and how a supervisor reads it. */
export interface Clue {
  kind: DocumentKind;
  weight: number;
  /** Short and human: "title 'Academic Transcript'", "32 module codes". */
  label: string;
}

/** A phrase to look for, and how it is named in evidence (without a label: the words found, quoted). */
export interface Phrase {
  pattern: RegExp;
  label?: string;
}

/** A phrase found, with its evidence label. */
interface Found {
  label: string;
}

// A quoted match longer than this is cut; a list longer than MAX_LISTED is summarised.
const MAX_LISTED = 3;
const MAX_QUOTE = 40;

/** The phrases found in a text, each once, in the order listed. */
export function findPhrases(text: string, phrases: readonly Phrase[]): Found[] {
  const found: Found[] = [];
  for (const phrase of phrases) {
    const match = phrase.pattern.exec(text);
    if (match === null) continue;
    const quote = match[0].length > MAX_QUOTE ? `${match[0].slice(0, MAX_QUOTE - 1).trimEnd()}…` : match[0];
    found.push({ label: phrase.label ?? `'${quote}'` });
  }
  return found;
}

/**
 * One clue per distinct phrase found, `weight` each, at most `cap` of them (strongest first as listed).
 */
export function phraseClues(
  kind: DocumentKind,
  text: string,
  phrases: readonly Phrase[],
  weight: number,
  cap: number,
): Clue[] {
  return findPhrases(text, phrases)
    .slice(0, cap)
    .map((phrase) => ({ kind, weight, label: phrase.label }));
}

/** A counted clue: `perItem` for each of `count` items up to `maxWeight`, or nothing under `minCount`. */
export function countClue(
  kind: DocumentKind,
  count: number,
  options: { minCount: number; perItem: number; maxWeight: number; label: string },
): Clue[] {
  if (count < options.minCount) return [];
  return [{ kind, weight: Math.min(options.maxWeight, count * options.perItem), label: options.label }];
}

/** One clue for a group of weak phrases: `perItem` for each distinct one found, at most `cap` of them. */
export function phraseGroupClue(
  kind: DocumentKind,
  text: string,
  phrases: readonly Phrase[],
  options: { perItem: number; cap: number; minCount?: number; prefix?: string },
): Clue[] {
  const found = findPhrases(text, phrases);
  if (found.length === 0 || found.length < (options.minCount ?? 1)) return [];
  const weight = Math.min(found.length, options.cap) * options.perItem;
  const label = listLabels(found.map((phrase) => phrase.label));
  return [{ kind, weight, label: options.prefix === undefined ? label : `${options.prefix}: ${label}` }];
}

/** At most three labels, then how many more: "'recommend', 'I have known', 'in my class' +2". */
export function listLabels(labels: readonly string[]): string {
  const shown = labels.slice(0, MAX_LISTED).join(', ');
  return labels.length > MAX_LISTED ? `${shown} +${labels.length - MAX_LISTED}` : shown;
}
