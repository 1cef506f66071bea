import { countModuleRows } from './count-modules.ts';
import { findGrades, type GradeMatch } from './find-grades.ts';
import { gradeCountry } from './grade-country.ts';
import { isGermanContext } from './find-institution.ts';
import { normaliseText } from './normalise-text.ts';
import type { GradeResult, TranscriptSummary } from './profile-types.ts';

// A line that states an overall result rather than one module's or one term's.
const OVERALL =
  /\b(?:overall|cumulative|final|total|aggregate|average|mean|classification|class\s+of\s+degree|degree\s+class|result|division|c?gpa|cpi|media|moyenne|gesamtnote|abschlussnote|endnote|durchschnitt\w*|notendurchschnitt|voto\s+di\s+laurea|voto\s+finale|percentage|ects\s+grade|weighted|grade\s+point\s+average|nota\s+media|calificaci[óo]n\s+media|gemiddeld\w*|eindcijfer|coeficiente\s+de\s+rendimento|m[ée]dia|A?GNO|ortalama\w*|üzerinden)\b|平均|均分|绩点|평점|معدل/iu;
// A term's or a semester's result, unless the line also says it is cumulative.
const PARTIAL = /\b(?:term|semester|sem|sgpa|quarter|trimester|annual|year\s+\d|level\s+\d)\b/iu;
const CUMULATIVE = /\b(?:cumulative|overall|cgpa|final)\b/iu;
// UK classes named in the text: its percentages and average marks are UK marks.
const UK_CLASSES =
  /\b(?:Honou?rs|Hons|Upper\s+Second|Lower\s+Second|degree\s+classification)\b|(?<![\d:])2:[12](?![\d:])/iu;

/**
 * How much a stated result says about the whole degree: a final mark, GPA or average mark (2) before an exam
 * average on /30 or an ECTS letter (1), before a class named in words (0).
 */
function rank(match: GradeMatch): number {
  const { system, written } = match.result;
  if (system === 'italian-30' || system === 'ects') return 1;
  if (system === 'uk-class') return /\d{2}(?:[.,]\d+)?\s*%?$/u.test(written) ? 2 : 0;
  return 2;
}

/** The overall result a transcript states: the most telling one, and of equals the last (cumulative) one. */
export function findOverallResult(text: string): GradeResult | null {
  const normalised = normaliseText(text);
  const context = {
    ukMarks: UK_CLASSES.test(normalised),
    germanScale: isGermanContext(normalised),
    country: gradeCountry(normalised),
  };
  let best: GradeMatch | null = null;
  for (const line of normalised.split('\n')) {
    if (!OVERALL.test(line) || (PARTIAL.test(line) && !CUMULATIVE.test(line))) continue;
    for (const match of findGrades(line, context)) {
      if (best === null || rank(match) >= rank(best)) best = match;
    }
  }
  return best?.result ?? null;
}

/** A transcript's overall result (when stated) and how many module rows with a mark it lists. */
export function extractTranscript(text: string): TranscriptSummary {
  return { overall: findOverallResult(text), modulesWithMarks: countModuleRows(text) };
}
