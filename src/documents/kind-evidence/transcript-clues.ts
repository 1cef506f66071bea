import { countModuleCodes } from '../../profile/count-modules.ts';
import type { Clue, Phrase } from './clue.ts';
import { countClue, phraseClues, phraseGroupClue } from './clue.ts';
import type { DocumentText } from './document-text.ts';
import { countGradeRows } from './grade-rows.ts';

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
      /marks? obtained|max(?:imum)? marks|\bgrades?\b|\bmarks\b|\bnoten?\b|\bvoto\b|\bnotes\b|calificacion|成绩/u,
  },
  {
    label: 'pass/fail',
    pattern: /\b(?:pass(?:ed)?|fail(?:ed)?|bestanden|admis|superato|aprobado|sufficient)\b/,
  },
  { label: 'exams', pattern: /\bexam(?:ination)?s?\b|\besami?\b|prufung|\bexamen/ },
  { label: 'modules', pattern: /\bmodules?\b|\bcourses?\b|\bsubjects?\b|insegnament|\bmodul\b|\bue\b|课程/u },
  {
    label: 'academic years',
    pattern:
      /academic (?:year|session)|anno accademico|annee universitaire|studienjahr|curso academico|学年/u,
  },
];

/** A grade table, course codes, an overall result and the words transcripts are written in. */
export function findTranscriptClues(doc: DocumentText): Clue[] {
  const rows = countGradeRows(doc.lines);
  const codes = countModuleCodes(doc.lines.join('\n'));
  return [
    ...countClue('transcript', rows, {
      minCount: GRADE_TABLE_MIN_ROWS,
      perItem: GRADE_ROW_WEIGHT,
      maxWeight: GRADE_TABLE_MAX,
      label: `grade table (${rows} rows)`,
    }),
    ...countClue('transcript', codes, {
      minCount: MODULE_CODES_MIN,
      perItem: MODULE_CODE_WEIGHT,
      maxWeight: MODULE_CODES_MAX,
      label: `${codes} module codes`,
    }),
    ...phraseClues('transcript', doc.body, OVERALL, OVERALL_RESULT_WEIGHT, 1),
    ...phraseGroupClue('transcript', doc.body, TERMS, {
      perItem: TRANSCRIPT_TERM_WEIGHT,
      cap: TRANSCRIPT_TERM_CAP,
      prefix: 'transcript terms',
    }),
  ];
}
