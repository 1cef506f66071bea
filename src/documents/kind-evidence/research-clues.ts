import type { Clue } from './clue.ts';
import { countClue, listLabels, phraseClues, phraseGroupClue } from './clue.ts';
import { countMatches, headingOf, type DocumentText } from './document-text.ts';
import {
  ABSTRACT,
  AUTHOR_YEAR_CITATION,
  BIBLIOGRAPHY,
  BRACKET_CITATION,
  CHAPTER,
  FRONT_BACK_MATTER,
  INTRODUCTION,
  KEYWORDS,
  PAPER_SECTION,
  PROPOSAL,
  THESIS,
} from './research-vocabulary.ts';

/** An "Abstract" heading: papers and theses open with one. */
export const ABSTRACT_WEIGHT = 3;
/** A "References" / "Bibliography" heading (CVs have "References" too, for referees). */
export const BIBLIOGRAPHY_WEIGHT = 2;
/** An "Introduction" heading. */
export const INTRODUCTION_WEIGHT = 1.5;
/** Each other distinct section of a paper or proposal (Related Work, Method, Results, Timeline…). */
export const PAPER_SECTION_WEIGHT = 1;
const PAPER_SECTION_CAP = 5;
/** Each citation marker, [12] or (Smith et al., 2020), from three on. */
export const CITATION_WEIGHT = 0.25;
const CITATION_MAX = 3;
/** Each "et al." (a CV's publication list has them too: weak). */
export const ET_AL_WEIGHT = 0.2;
const ET_AL_MAX = 1.5;
/** More than six pages (or, without pages, about 3,500 words): longer than any CV or letter. */
export const LONG_DOCUMENT_WEIGHT = 2;
const LONG_PAGES = 6;
const LONG_WORDS = 3500;
/** Each thesis phrase ("submitted in partial fulfilment", "Chapter 2"). */
export const THESIS_PHRASE_WEIGHT = 3;
const THESIS_PHRASE_CAP = 2;
// A form or a title page alone is not a thesis: its phrases count in a document of some length.
const THESIS_MIN_WORDS = 300;
/** Each proposal phrase ("research questions", "work plan"): statements of purpose use a few. */
export const PROPOSAL_PHRASE_WEIGHT = 1;
const PROPOSAL_PHRASE_CAP = 4;
/** A "Keywords:" / "Index Terms" line. */
export const KEYWORDS_WEIGHT = 1.5;
// Headings are short lines.
const MAX_HEADING_LENGTH = 60;

/** Paper sections, citations, length, and thesis or proposal wording. */
export function findResearchClues(doc: DocumentText): Clue[] {
  const headings = doc.folded.filter((line) => line.length <= MAX_HEADING_LENGTH).map(headingOf);
  const sections = new Set(headings.filter((heading) => PAPER_SECTION.test(heading)));
  const citations = countInTextCitations(doc) + countMatches(doc.body, AUTHOR_YEAR_CITATION);
  const etAl = countMatches(doc.body, /\bet al\./g);
  const chapters = countChapters(doc);
  const hasAbstract = doc.folded.some((line) => ABSTRACT.test(headingOf(line)));
  const hasBibliography = headings.some((heading) => BIBLIOGRAPHY.test(heading));
  const hasKeywords = doc.folded.some((line) => KEYWORDS.test(line));
  const thesisPhrases =
    doc.words >= THESIS_MIN_WORDS
      ? phraseClues('research', doc.body, THESIS, THESIS_PHRASE_WEIGHT, THESIS_PHRASE_CAP)
      : [];
  const proposalTerms = phraseGroupClue('research', doc.body, PROPOSAL, {
    perItem: PROPOSAL_PHRASE_WEIGHT,
    cap: PROPOSAL_PHRASE_CAP,
    prefix: 'proposal terms',
  });
  // Chapters and length tell a book from a CV or a letter, not research from a manual or a handbook: they count
  // beside something of scholarship (a paper's sections beyond a book's front and back matter, an abstract, a
  // bibliography, citations, a thesis's or a proposal's wording).
  const scholarly =
    [...sections].filter((section) => !FRONT_BACK_MATTER.test(section)).length >= 2 ||
    hasAbstract ||
    hasBibliography ||
    hasKeywords ||
    citations >= 3 ||
    etAl >= 2 ||
    thesisPhrases.length > 0 ||
    proposalTerms.length > 0;
  return [
    ...(hasAbstract ? [{ kind: 'research' as const, weight: ABSTRACT_WEIGHT, label: 'abstract' }] : []),
    ...(headings.some((heading) => INTRODUCTION.test(heading))
      ? [{ kind: 'research' as const, weight: INTRODUCTION_WEIGHT, label: 'introduction' }]
      : []),
    ...(hasBibliography
      ? [{ kind: 'research' as const, weight: BIBLIOGRAPHY_WEIGHT, label: 'bibliography' }]
      : []),
    ...countClue('research', sections.size, {
      minCount: 1,
      perItem: PAPER_SECTION_WEIGHT,
      maxWeight: PAPER_SECTION_CAP * PAPER_SECTION_WEIGHT,
      label: `sections: ${listLabels([...sections])}`,
    }),
    ...countClue('research', citations, {
      minCount: 3,
      perItem: CITATION_WEIGHT,
      maxWeight: CITATION_MAX,
      label: `${citations} citations`,
    }),
    ...countClue('research', etAl, {
      minCount: 2,
      perItem: ET_AL_WEIGHT,
      maxWeight: ET_AL_MAX,
      label: `${etAl} × 'et al.'`,
    }),
    ...(scholarly ? longClue(doc) : []),
    ...thesisPhrases,
    ...(scholarly
      ? countClue('research', chapters, {
          minCount: 2,
          perItem: THESIS_PHRASE_WEIGHT / 2,
          maxWeight: THESIS_PHRASE_WEIGHT,
          label: `${chapters} chapters`,
        })
      : []),
    ...proposalTerms,
    ...(hasKeywords ? [{ kind: 'research' as const, weight: KEYWORDS_WEIGHT, label: 'keywords line' }] : []),
  ];
}

/**
 * Distinct chapters named in headings: "Chapter 1" as a heading and again as a running head or a title line
 * ("CHAPTER 1 – INTRODUCTION") is one chapter, not two.
 */
function countChapters(doc: DocumentText): number {
  const chapters = new Set<string>();
  for (const line of doc.folded) {
    const chapter = line.length <= MAX_HEADING_LENGTH ? CHAPTER.exec(line) : null;
    if (chapter !== null) chapters.add(chapter[0]);
  }
  return chapters.size;
}

function longClue(doc: DocumentText): Clue[] {
  if (doc.pages !== null && doc.pages > LONG_PAGES)
    return [{ kind: 'research', weight: LONG_DOCUMENT_WEIGHT, label: `${doc.pages} pages` }];
  if (doc.pages === null && doc.words > LONG_WORDS)
    return [{ kind: 'research', weight: LONG_DOCUMENT_WEIGHT, label: `${doc.words} words` }];
  return [];
}

/** Bracketed citations inside sentences; "[3] A. Author…" at the start of a line is a list entry (a CV's too). */
function countInTextCitations(doc: DocumentText): number {
  let count = 0;
  for (const line of doc.folded)
    for (const match of line.matchAll(BRACKET_CITATION)) if (match.index > 0) count++;
  return count;
}
