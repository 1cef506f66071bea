import type { DocumentKind } from '../domain/document-kinds.ts';
import { nameTokens, surnameOf } from './extract-name.ts';
import { findArxivIds, findDois, findVenues } from './find-publication-ids.ts';
import { sectionLines } from './find-sections.ts';
import { foldText, normaliseText } from './normalise-text.ts';
import type { PublicationSummary } from './profile-types.ts';

const MARKER = /^\s*(?:\[\d{1,3}\]|\(\d{1,3}\)|\d{1,3}[.)]|[•▪●◦■◆►*–-])\s+/u;
const YEAR = /(?<!\d)(?:19|20)\d{2}(?!\d)/u;
// The end of the first author's name: a comma, semicolon, "and", "&", "et al." or an APA year "(2023)".
const AUTHOR_END = /\s*(?:[,;(]|\s(?:and|&|et\s+al)\b)/u;
// Where the research document's front matter ends.
const FRONT_MATTER_END =
  /^\s*(?:\d+\.?\s+)?(?:Introduction|Einleitung|Introduzione|References|Bibliography|Contents|Table\s+of\s+Contents|Declaration\b.*|Chapter\s+1\b.*|Kapitel\s+1\b.*)\s*$/iu;
const FRONT_MATTER_LINES = 80;
// A research document that says it was published (not merely submitted).
const PUBLISHED =
  /\b(?:[Pp]ublished\s+in|[Aa]ccepted\s+(?:at|to|for|in|by)|[Tt]o\s+appear\s+in|[Aa]ppears\s+in|[Ii]n\s+press)\s+(?:the\s+)?(?:\p{Lu}|\d)/u;
// Front-matter lines that may name the document's venue: a publication statement, or a short line (a header).
const VENUE_STATEMENT = /\b(?:proceedings\s+of|presented\s+at|copyright)\b|©/iu;
const isVenueLine = (line: string): boolean =>
  PUBLISHED.test(line) || VENUE_STATEMENT.test(line) || line.split(/\s+/).length <= 12;

/** The entries of a publication list: numbered or bulleted items, else paragraphs or lines ending a reference. */
export function splitEntries(lines: readonly string[]): string[] {
  const marked = lines.some((line) => MARKER.test(line));
  const entries: string[] = [];
  let current: string[] = [];
  const close = (): void => {
    if (current.length > 0) entries.push(current.join(' ').replace(/\s+/g, ' ').trim());
    current = [];
  };
  for (const line of lines) {
    if (line.trim() === '') {
      if (!marked) close();
      continue;
    }
    if (marked && MARKER.test(line)) close();
    if (marked && current.length === 0 && !MARKER.test(line)) continue;
    current.push(line.replace(MARKER, '').trim());
    // Unmarked references run on over lines; one ends with a full stop once it has a year.
    if (!marked && YEAR.test(current.join(' ')) && /[.)]\s*$/u.test(line)) close();
  }
  close();
  return entries.filter((entry) => entry.length >= 15 && (marked || YEAR.test(entry)));
}

/** Whether an entry's author list starts with the applicant (surname, or "Li W" for Li Wei). */
export function isFirstAuthor(entry: string, names: readonly string[]): boolean {
  const first = entry.replace(/[*_]/g, '').split(AUTHOR_END)[0] ?? '';
  const tokens = foldText(first)
    .split(/[^\p{L}]+/u)
    .filter((token) => token !== '');
  return names.some((name) => {
    const surname = surnameOf(name);
    if (surname !== null && tokens.includes(surname)) return true;
    // Family name first ("Li Wei" written "Li W"): the first word of the name and the last one's initial.
    const words = nameTokens(name);
    const [given, last] = [words[0], words.at(-1)];
    return (
      words.length >= 2 && given !== undefined && tokens.includes(given) && tokens.includes(last?.[0] ?? '')
    );
  });
}

function summary(text: string, entries: readonly string[], count: number, names: readonly string[]) {
  return {
    count,
    venues: findVenues(text),
    dois: findDois(text),
    arxivIds: findArxivIds(text),
    firstAuthor: entries.filter((entry) => isFirstAuthor(entry, names)).length,
  };
}

/** A CV's publication list: its entries, venues, DOIs, arXiv ids and first-authored entries; null if none. */
function cvPublications(lines: readonly string[], names: readonly string[]): PublicationSummary | null {
  const section = sectionLines(lines, 'publications');
  if (section === null) return null;
  const entries = splitEntries(section);
  return summary(section.join('\n'), entries, entries.length, names);
}

/**
 * A research document is not a publication list: only its front matter (up to the introduction, contents or
 * references, at most 80 lines) is read. Its DOIs and arXiv ids count, venues only on lines that state
 * publication or are short; it counts as one publication only when it says "Published in", "Accepted at",
 * "To appear in" or "In press"; the applicant is its first author when the first author line starts with them.
 */
function researchPublication(lines: readonly string[], names: readonly string[]): PublicationSummary | null {
  const end = lines.findIndex((line) => FRONT_MATTER_END.test(line));
  const front = lines.slice(0, end < 0 ? FRONT_MATTER_LINES : Math.min(end, FRONT_MATTER_LINES));
  const venueLines = front.filter(isVenueLine);
  const published = front.some((line) => PUBLISHED.test(line));
  const authorLine = front.find((line) => names.some((name) => nameInLine(line, name)));
  const firstAuthor = published && authorLine !== undefined && isFirstAuthor(authorLine, names) ? 1 : 0;
  const result = {
    count: published ? 1 : 0,
    venues: findVenues(venueLines.join('\n')),
    dois: findDois(front.join('\n')),
    arxivIds: findArxivIds(front.join('\n')),
    firstAuthor,
  };
  const empty =
    result.count === 0 && result.venues.length + result.dois.length + result.arxivIds.length === 0;
  return empty ? null : result;
}

const nameInLine = (line: string, name: string): boolean => {
  const surname = surnameOf(name);
  return (
    surname !== null &&
    foldText(line)
      .split(/[^\p{L}]+/u)
      .includes(surname)
  );
};

/**
 * What a CV's publication list or a research document says about the applicant's publications; null for
 * other kinds and when there is nothing. `names` are the applicant's (CV heading, sender), to count first authors.
 */
export function extractPublications(
  text: string,
  kind: DocumentKind,
  names: readonly string[],
): PublicationSummary | null {
  const lines = normaliseText(text).split('\n');
  const known = names.filter((name) => name.trim() !== '');
  if (kind === 'cv') return cvPublications(lines, known);
  return kind === 'research' ? researchPublication(lines, known) : null;
}
