import type { DegreeTitle } from './find-degree-title.ts';
import { findGrades } from './find-grades.ts';
import { institutionIndex, institutionStrength } from './find-institution.ts';

const SEGMENT_BREAK = /\s*(?:[,;|·•\t(]|\s{2,}|\s[–—-]\s|\s(?:at|@|from)\s)\s*/iu;
// What may stand between a title and its subject: "(B.Tech)", "(Hons)", "degree", "by Research", "in", "de"…
const LEAD_IN =
  /^(?:\s*\([^)]{1,14}\)|\s*(?:with\s+)?Hons\.?|\s+(?:degree|examination|programme|program)|\s+by\s+research|\s+(?:in|of|en|de|di|der|im|on|with\s+a\s+major\s+in|majoring\s+in)(?=\s)|\s+d['’]|\s*[:–—-](?=\s))+\s*/iu;
// Lowercase words that may stand inside a subject: "Computer Science and Engineering", "Scienze e Tecnologie".
const CONNECTORS = new Set('and & of in for with et e y und de des du di del della delle the'.split(' '));
const NOT_A_SUBJECT =
  /^(?:thesis|dissertation|project|student|candidate|graduate|programme|program|il|la|le|the|a|an|on|con|per|at|from|with|and)$/i;
const DATE_OR_YEAR =
  /\s*(?:\b(?:expected|since|from|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+)?\b(?:\d{1,2}[/.])*(?:19|20)\d{2}\b.*$/iu;
// Where a line names the subject by a label rather than after the title.
const SUBJECT_CUE =
  /\b(?:Studiengang|Studienfach|Fach|study\s+programme|programme|program|major|corso\s+di\s+laurea(?:\s+magistrale)?\s+in|specialization|specialisation)\s*:?\s+(\p{L}.*)$/iu;

/** Up to the first lowercase word that is no connector: "Electronics and Communication Engineering held in May". */
function capitalisedRun(text: string): string {
  const words = text.split(/\s+/).filter((word) => word !== '');
  if (!/^\p{Lu}/u.test(words[0] ?? '')) return words.join(' ');
  const end = words.findIndex((word) => /^\p{Ll}/u.test(word) && !CONNECTORS.has(word));
  const run = end < 0 ? words : words.slice(0, end);
  while (run.length > 0 && CONNECTORS.has(run.at(-1) ?? '')) run.pop();
  return run.join(' ');
}

/** The subject text starting at `rest`, cut at the first separator, date, grade or institution; null if none. */
function subjectFrom(rest: string): string | null {
  let subject = (rest.split(SEGMENT_BREAK)[0] ?? '').replace(DATE_OR_YEAR, '');
  const grade = findGrades(subject)[0];
  if (grade !== undefined) subject = subject.slice(0, grade.index);
  const institutionAt = institutionIndex(subject);
  if (institutionAt >= 0) subject = subject.slice(0, institutionAt);
  subject = capitalisedRun(
    subject
      .replace(/\d.*$/u, '')
      .replace(/\s*(?:\(?\s*Hons\.?\s*\)?|with\s+honou?rs|with\s+distinction)\s*$/iu, '')
      .replace(/[\s,;:.–—-]+$/u, ''),
  );
  const words = subject.split(/\s+/);
  if (!/^\p{L}{2}/u.test(subject) || NOT_A_SUBJECT.test(words[0] ?? '') || words.length > 10) return null;
  return subject;
}

/** "Study programme: Bioinformatics (BSc)", "Studiengang: Informatik (Master of Science)". */
function subjectBefore(line: string, title: DegreeTitle): string | null {
  if (!/\(\s*$/u.test(line.slice(0, title.index))) return null;
  const before = line.slice(0, title.index).replace(/\s*\(\s*$/u, '');
  const segment = before.split(/\s{2,}|\t|[,;|·•]|\s[–—-]\s/u).at(-1) ?? '';
  return subjectFrom(segment.replace(/^.*:\s*/u, ''));
}

/**
 * The subject of the degree a line names: "in Computer Science", "of Science in X", "BSc Physics",
 * "Bachelor of Technology (B.Tech) in X", "Informatik (M.Sc.)", the next comma-separated segment when it is
 * plain words, or a labelled "Studiengang Informatik" / "Study programme: X"; null when none.
 */
export function findDegreeSubject(line: string, title: DegreeTitle): string | null {
  // Han text has no spaces between words to tell a subject's end by.
  if (/\p{Script=Han}/u.test(title.title)) return null;
  const rest = line.slice(title.end);
  const direct = subjectFrom(rest.replace(LEAD_IN, ''));
  if (direct !== null) return direct;
  const before = subjectBefore(line, title);
  if (before !== null) return before;
  const next = /^\s*[,–—|-]\s*([^,;|]+)/u.exec(rest)?.[1];
  if (next !== undefined && !/\d/.test(next) && institutionStrength(next) === 0) {
    const subject = subjectFrom(next.replace(LEAD_IN, ''));
    if (subject !== null) return subject;
  }
  const cued = SUBJECT_CUE.exec(line.slice(0, title.index))?.[1] ?? SUBJECT_CUE.exec(line)?.[1];
  return cued === undefined ? null : subjectFrom(cued);
}
