import type { DocumentKind } from '../domain/document-kinds.ts';
import { findDegreeSubject } from './find-degree-subject.ts';
import { findDegreeTitle, type DegreeTitle } from './find-degree-title.ts';
import { findGrades, pickGrade } from './find-grades.ts';
import { gradeCountry } from './grade-country.ts';
import { findInstitution, institutionStrength, isGermanContext } from './find-institution.ts';
import { sectionLines } from './find-sections.ts';
import { findYears, type YearSpan } from './find-years.ts';
import { normaliseText } from './normalise-text.ts';
import type { Degree } from './profile-types.ts';

interface DegreeLine {
  index: number;
  title: DegreeTitle;
}

/** An entry's lines: those above the degree line (institution/date first layouts), the line, those below. */
interface Entry {
  lead: string[];
  line: string;
  trail: string[];
}

const TRAIL_LINES = 3;
const LEAD_LINES = 2;
// Lines describing a degree rather than stating its result ("Thesis: … improved accuracy by 12 %").
const DESCRIPTION =
  /^\s*[•▪●*–-]?\s*(?:thesis|dissertation|modules|courses|relevant|coursework|project|supervis\w*|advis\w*|topics|key\s+modules|focus|specialis\w*|minor)\b/i;

const nonEmpty = (line: string | undefined): line is string => line !== undefined && line.trim() !== '';
const hasLeadFacts = (line: string): boolean => findInstitution(line) !== null || findYears(line) !== null;

/**
 * Whether entries put the institution or the dates on the line(s) above the degree ("University of X 2019–2023"
 * then "BSc Physics"): decided once, from the first entry.
 */
function isLeadFirst(scope: readonly string[], first: DegreeLine): boolean {
  const above = scope
    .slice(Math.max(0, first.index - LEAD_LINES), first.index)
    .filter(nonEmpty)
    .at(-1);
  const line = scope[first.index] ?? '';
  const complete = findInstitution(line) !== null && findYears(line) !== null;
  return above !== undefined && hasLeadFacts(above) && !complete;
}

/** The lines above a degree line that belong to it (up to two with an institution or dates, after `floor`). */
function leadLines(
  scope: readonly string[],
  index: number,
  floor: number,
): { lines: string[]; start: number } {
  const lines: string[] = [];
  let start = index;
  for (let at = index - 1; at > floor && lines.length < LEAD_LINES; at -= 1) {
    const line = scope[at];
    if (!nonEmpty(line)) continue;
    if (!hasLeadFacts(line)) break;
    lines.unshift(line);
    start = at;
  }
  return { lines, start };
}

function buildEntries(scope: readonly string[], degrees: readonly DegreeLine[]): Entry[] {
  const leadFirst = degrees[0] !== undefined && isLeadFirst(scope, degrees[0]);
  const leads = degrees.map((degree, k) =>
    leadFirst
      ? leadLines(scope, degree.index, degrees[k - 1]?.index ?? -1)
      : { lines: [], start: degree.index },
  );
  return degrees.map((degree, k) => {
    const stop = leads[k + 1]?.start ?? scope.length;
    const trail = scope
      .slice(degree.index + 1, stop)
      .filter(nonEmpty)
      .slice(0, TRAIL_LINES);
    return { lead: leads[k]?.lines ?? [], line: scope[degree.index] ?? '', trail };
  });
}

function firstOf<T>(lines: readonly string[], find: (line: string) => T | null): T | null {
  for (const line of lines) {
    const found = find(line);
    if (found !== null) return found;
  }
  return null;
}

/**
 * The degree line, continued by the next when the subject runs on: the next starts "in Computer Science"
 * (certificates), or the line ends in "and" / "of" (a wrapped line: "B.Tech. Electronics and").
 */
function subjectLine(entry: Entry): string {
  const next = entry.trail[0];
  const runsOn =
    /^\s*(?:in|of)\s+\p{Lu}/u.test(next ?? '') ||
    /\s(?:and|of|in|for|&|und|e|et|di|de)\s*$/u.test(entry.line);
  return next !== undefined && runsOn ? `${entry.line.trimEnd()} ${next.trim()}` : entry.line;
}

function buildDegree(entry: Entry, title: DegreeTitle, kind: DocumentKind, fallback: string | null): Degree {
  // A transcript's lines below the programme are its module table, with exam dates: not the degree's.
  const ordered = kind === 'transcript' ? [entry.line] : [entry.line, ...entry.lead, ...entry.trail];
  const near = firstOf(ordered, findInstitution);
  // A school or faculty near the degree gives way to the university in the letterhead.
  const institution =
    near === null || (fallback !== null && institutionStrength(near) < institutionStrength(fallback))
      ? fallback
      : near;
  const years: YearSpan | null = firstOf(ordered, findYears);
  const text = ordered.filter((line) => !DESCRIPTION.test(line)).join('\n');
  const result = pickGrade(
    findGrades(text, {
      mastersResults: title.level === 'master',
      germanScale: isGermanContext([...ordered, institution ?? ''].join('\n')),
      country: gradeCountry([...ordered, institution ?? ''].join('\n')),
      degreeEntry: kind !== 'transcript',
    }),
  );
  return {
    level: title.level,
    title: title.title,
    subject: findDegreeSubject(subjectLine(entry), title),
    institution,
    startYear: years?.startYear ?? null,
    endYear: years?.endYear ?? null,
    result,
  };
}

/**
 * The degrees a CV's education section (or, without one, the whole CV), a certificate or a transcript names,
 * in the order written, each with its subject, institution, years and result when stated nearby.
 */
export function extractEducation(text: string, kind: DocumentKind): Degree[] {
  const lines = normaliseText(text).split('\n');
  const scope = kind === 'cv' ? (sectionLines(lines, 'education') ?? lines) : lines;
  const degrees: DegreeLine[] = [];
  scope.forEach((line, index) => {
    const title = findDegreeTitle(line);
    if (title !== null) degrees.push({ index, title });
  });
  // A certificate or transcript is issued by one institution, usually named in its letterhead.
  const fallback = kind === 'cv' ? null : firstOf(lines, findInstitution);
  const entries = buildEntries(scope, degrees);
  const built = degrees.flatMap((degree, k) => {
    const entry = entries[k];
    return entry === undefined ? [] : [buildDegree(entry, degree.title, kind, fallback)];
  });
  return mergeRepeats(built, kind !== 'cv');
}

/**
 * Whether two degrees may be one mentioned twice: same level and no field that disagrees; in a CV also the
 * same title, while a certificate or transcript is about one degree of each level ("学士学位" and "本科").
 */
function sameDegree(a: Degree, b: Degree, oneDocument: boolean): boolean {
  const agree = <T>(x: T | null, y: T | null): boolean => x === null || y === null || x === y;
  return (
    a.level === b.level &&
    (oneDocument || a.title.toLowerCase() === b.title.toLowerCase()) &&
    agree(a.subject, b.subject) &&
    agree(a.institution, b.institution) &&
    agree(a.startYear, b.startYear) &&
    agree(a.endYear, b.endYear)
  );
}

const isBare = (degree: Degree): boolean =>
  degree.subject === null && degree.startYear === null && degree.endYear === null && degree.result === null;

/**
 * One degree for each mentioned twice ("Diploma di Laurea Magistrale" … "corso di Laurea Magistrale in AI");
 * in a certificate or transcript, a title with nothing else ("Certificato di Laurea") gives way to a degree
 * that says more.
 */
function mergeRepeats(degrees: readonly Degree[], oneDocument: boolean): Degree[] {
  const merged: Degree[] = [];
  for (const degree of degrees) {
    const at = merged.findIndex((earlier) => sameDegree(earlier, degree, oneDocument));
    const earlier = merged[at];
    if (earlier === undefined) {
      merged.push(degree);
      continue;
    }
    merged[at] = {
      ...earlier,
      subject: earlier.subject ?? degree.subject,
      institution: earlier.institution ?? degree.institution,
      startYear: earlier.startYear ?? degree.startYear,
      endYear: earlier.endYear ?? degree.endYear,
      result: earlier.result ?? degree.result,
    };
  }
  const informative = merged.filter((degree) => !isBare(degree));
  return oneDocument && informative.length > 0 ? informative : merged;
}
