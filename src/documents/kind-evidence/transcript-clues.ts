import { countModuleCodes } from '../../profile/count-modules.ts';
import type { Clue, Phrase } from './clue.ts';
import { countClue, findPhrases, listLabels, phraseClues } from './clue.ts';
import type { DocumentText } from './document-text.ts';
import { gradeRows } from './grade-rows.ts';

/** Each row of a grade table (subject, credits, mark), from three rows on. */
export const GRADE_ROW_WEIGHT = 0.4;
const GRADE_TABLE_MAX = 6;
const GRADE_TABLE_MIN_ROWS = 3;
/** Each distinct course code (COMP3001, 21CS45), from three codes on. */
export const MODULE_CODE_WEIGHT = 0.3;
const MODULE_CODES_MAX = 4;
const MODULE_CODES_MIN = 3;
/** An overall result stated as such ("Cumulative GPA", "media ponderata", "Gesamtnote"). */
export const OVERALL_RESULT_WEIGHT = 2;
/** Each distinct transcript word (credits, semester, GPA, marks…): CVs and letters use some of them too. */
export const TRANSCRIPT_TERM_WEIGHT = 0.5;
const TRANSCRIPT_TERM_CAP = 6;

const OVERALL: readonly Phrase[] = [
  {
    label: 'overall result',
    pattern:
      /(?:overall|cumulative|final|weighted|aggregate) (?:gpa|cgpa|average|mark|grade|result|percentage|score)|\bcgpa\b|degree classification|class of degree|media (?:ponderata|aritmetica|esami)|voto (?:di laurea|finale)|moyenne (?:generale|annuelle|ponderee)|gesamtnote|durchschnittsnote|abschlussnote|gesamtdurchschnitt|nota media|平均学分绩点|平均绩点|加权平均/u,
  },
];

const TERMS: readonly Phrase[] = [
  {
    label: 'credits',
    pattern:
      /\bcredits?\b|credit (?:hours|points|units)|\bects\b|\bcfu\b|\bcrediti\b|leistungspunkte|\blp\b|creditos|学分/u,
  },
  {
    label: 'semesters',
    pattern: /\bsemesters?\b|\bterm [1-9i]|trimester|semestre|\bsem[ -]?[ivx1-9]\b|学期/u,
  },
  { label: 'GPA', pattern: /\b[cs]?gpa\b|grade points?|\bcpi\b|\bspi\b|绩点/u },
  {
    label: 'marks',
    pattern:
      /marks? obtained|max(?:imum)? marks|\bgrades?\b|\bmarks\b|\bnoten\b|\bvoto\b|releve de notes|notes obtenues|calificacion|成绩/u,
  },
  { label: 'exams', pattern: /\bexam(?:ination)?s?\b|\besami?\b|prufung|\bexamen/ },
  { label: 'modules', pattern: /\bmodules?\b|\bcourses?\b|\bsubjects?\b|insegnament|\bmodul\b|\bue\b|课程/u },
  {
    label: 'academic years',
    pattern:
      /academic (?:year|session)|anno accademico|annee universitaire|studienjahr|curso academico|学年/u,
  },
];

// "Pass" or "fail" in a row of the table is a result; on a slide ("tests fail") it is not.
const PASS_FAIL = /\b(?:pass(?:ed)?|fail(?:ed)?|bestanden|admis|superato|aprobado|sufficient)\b/i;
// A grading scale: "A = 70-100", "Notenskala", "scala di valutazione", "escala de calificaciones".
const SCALE =
  /grading (?:scale|system)|grade (?:scale|key)|notenskala|bewertungsskala|bareme|scala di valutazione|escala de calificaciones|escala de notas|\b[a-f][+-]? ?[:=] ?\d{2,3} ?[-–] ?\d{2,3}\b|\b\d{2,3} ?[-–] ?\d{2,3} ?[:=] ?[a-f][+-]?\b/;
// Terms that say the numbers are marks or credits.
const GRADE_TERMS = new Set(['credits', 'GPA', 'marks']);
// Amounts of money and figures in thousands ("$ 24", "5,890", "374,868,985.42"): a record of grades has none, a
// table of figures (a financial statement, traffic statistics, a report's data) has them on many lines.
const FIGURE = /[$€£¥]\s?\d|(?<![\d.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,])/u;
const FIGURE_TABLE_MIN_LINES = 3;

/**
 * A grade table (that looks like grades), course codes, an overall result and the words transcripts use. Rows of
 * numbers and codes are a record's only where something says the numbers are grades (a grade word, an overall
 * result, a grading scale: precinct numbers and vote counts are codes and numbers too) and the document is no table
 * of figures (money, thousands).
 */
export function findTranscriptClues(doc: DocumentText): Clue[] {
  const rows = gradeRows(doc.lines);
  const codes = countModuleCodes(doc.lines.join('\n'));
  const overall = phraseClues('transcript', doc.body, OVERALL, OVERALL_RESULT_WEIGHT, 1);
  const terms = findPhrases(doc.body, TERMS).map((term) => term.label);
  if (rows.some((row) => PASS_FAIL.test(row))) terms.push('pass/fail');
  const graded =
    (overall.length > 0 || SCALE.test(doc.body) || terms.some((term) => GRADE_TERMS.has(term))) &&
    doc.lines.filter((line) => FIGURE.test(line)).length < FIGURE_TABLE_MIN_LINES;
  return [
    ...countClue('transcript', graded ? rows.length : 0, {
      minCount: GRADE_TABLE_MIN_ROWS,
      perItem: GRADE_ROW_WEIGHT,
      maxWeight: GRADE_TABLE_MAX,
      label: `grade table (${rows.length} rows)`,
    }),
    ...countClue('transcript', graded ? codes : 0, {
      minCount: MODULE_CODES_MIN,
      perItem: MODULE_CODE_WEIGHT,
      maxWeight: MODULE_CODES_MAX,
      label: `${codes} module codes`,
    }),
    ...overall,
    ...(terms.length > 0
      ? [
          {
            kind: 'transcript' as const,
            weight: Math.min(terms.length, TRANSCRIPT_TERM_CAP) * TRANSCRIPT_TERM_WEIGHT,
            label: `transcript terms: ${listLabels(terms)}`,
          },
        ]
      : []),
  ];
}
