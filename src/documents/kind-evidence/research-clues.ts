import type { Clue } from './clue.ts';
import { countClue, findPhrases, listLabels, phraseClues } from './clue.ts';
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
  ORIENTATION,
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
/** One of them ("objectives", "methodology") is what any report says: they count from two on. */
const PROPOSAL_MIN_TERMS = 2;
/** From three on, they frame the document as a proposal, as an abstract frames a paper. */
const PROPOSAL_FRAME_TERMS = 3;
/** A "Keywords:" / "Index Terms" line. */
export const KEYWORDS_WEIGHT = 1.5;
// Headings are short lines.
const MAX_HEADING_LENGTH = 60;

/** Paper sections, citations, length, and thesis or proposal wording. */
export function findResearchClues(doc: DocumentText): Clue[] {
  const signs = readSigns(doc);
  const { sections, citations, etAl, chapters, proposalTerms } = signs;
  const scholarship = weighScholarship(signs);
  const counted = scholarship.scholarly
    ? [...sections]
    : [...sections].filter((section) => !FRONT_BACK_MATTER.test(section));
  return [
    ...(signs.hasAbstract ? [{ kind: 'research' as const, weight: ABSTRACT_WEIGHT, label: 'abstract' }] : []),
    ...(signs.hasIntroduction
      ? [{ kind: 'research' as const, weight: INTRODUCTION_WEIGHT, label: 'introduction' }]
      : []),
    ...(scholarship.citedBibliography
      ? [{ kind: 'research' as const, weight: BIBLIOGRAPHY_WEIGHT, label: 'bibliography' }]
      : []),
    ...countClue('research', counted.length, {
      minCount: 1,
      perItem: PAPER_SECTION_WEIGHT,
      maxWeight: PAPER_SECTION_CAP * PAPER_SECTION_WEIGHT,
      label: `sections: ${listLabels(counted)}`,
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
    ...(scholarship.scholarly ? longClue(doc) : []),
    ...signs.thesisPhrases,
    ...(scholarship.scholarly
      ? countClue('research', chapters, {
          minCount: 2,
          perItem: THESIS_PHRASE_WEIGHT / 2,
          maxWeight: THESIS_PHRASE_WEIGHT,
          label: `${chapters} chapters`,
        })
      : []),
    ...(proposalTerms.length >= PROPOSAL_MIN_TERMS
      ? [
          {
            kind: 'research' as const,
            weight: Math.min(proposalTerms.length, PROPOSAL_PHRASE_CAP) * PROPOSAL_PHRASE_WEIGHT,
            label: `proposal terms: ${listLabels(proposalTerms)}`,
          },
        ]
      : []),
    ...(signs.hasKeywords
      ? [{ kind: 'research' as const, weight: KEYWORDS_WEIGHT, label: 'keywords line' }]
      : []),
  ];
}

/** What the research clues are made of, found once. */
interface ResearchSigns {
  sections: ReadonlySet<string>;
  citations: number;
  etAl: number;
  chapters: number;
  hasAbstract: boolean;
  hasIntroduction: boolean;
  hasBibliography: boolean;
  hasKeywords: boolean;
  thesisPhrases: Clue[];
  proposalTerms: string[];
}

function readSigns(doc: DocumentText): ResearchSigns {
  const headings = doc.folded.filter((line) => line.length <= MAX_HEADING_LENGTH).map(headingOf);
  return {
    sections: new Set(headings.filter((heading) => PAPER_SECTION.test(heading))),
    citations: countInTextCitations(doc) + countMatches(doc.body, AUTHOR_YEAR_CITATION),
    etAl: countMatches(doc.body, /\bet al\./g),
    chapters: countChapters(doc),
    hasAbstract: doc.folded.some((line) => ABSTRACT.test(headingOf(line))),
    hasIntroduction: headings.some((heading) => INTRODUCTION.test(heading)),
    hasBibliography: headings.some((heading) => BIBLIOGRAPHY.test(heading)),
    hasKeywords: doc.folded.some((line) => KEYWORDS.test(line)),
    thesisPhrases:
      doc.words >= THESIS_MIN_WORDS
        ? phraseClues('research', doc.body, THESIS, THESIS_PHRASE_WEIGHT, THESIS_PHRASE_CAP)
        : [],
    proposalTerms: findPhrases(doc.body, PROPOSAL).map((phrase) => phrase.label),
  };
}

/**
 * Whether a document reads as scholarship, not merely as long and sectioned. A paper or a thesis is framed as one
 * (an abstract, a keywords line, a thesis's formula, a proposal's own vocabulary), has a paper's sections beyond a
 * book's front and back matter and a report's background and objectives, or cites its sources in the text beside a reference list; reports, manuals, handbooks,
 * guides and books have chapters, length, a contents page and often a "References" reading list as well. Only
 * scholarship lets chapters, length and a book's front and back matter count, and a reference list counts only where
 * something is cited or the document is framed.
 */
function weighScholarship(signs: ResearchSigns): { scholarly: boolean; citedBibliography: boolean } {
  const framed =
    signs.hasAbstract ||
    signs.hasKeywords ||
    signs.thesisPhrases.length > 0 ||
    signs.proposalTerms.length >= PROPOSAL_FRAME_TERMS;
  const citing = signs.citations >= 3 || signs.etAl >= 2;
  const bodySections = [...signs.sections].filter(
    (section) => !FRONT_BACK_MATTER.test(section) && !ORIENTATION.test(section),
  );
  return {
    scholarly: framed || bodySections.length >= 2 || (citing && signs.hasBibliography),
    citedBibliography: signs.hasBibliography && (framed || signs.citations > 0 || signs.etAl > 0),
  };
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
