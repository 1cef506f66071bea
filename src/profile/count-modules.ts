import { normaliseText } from './normalise-text.ts';

// COMP3001, CS 229, INF-2101, MA101, IN01123, BiS438 is left out; 21CS45 (VTU). "CVPR 2023" is a venue and
// a year, so a separated code may not be a 19xx/20xx year.
const MODULE_CODE =
  /(?<![\p{L}\p{N}])(?:([A-Z]{2,7})(?:([ -])(?!(?:19|20)\d{2}(?!\d))|)(\d{3,5}[A-Z]?)|\d{2}[A-Z]{2,4}\d{2,3})(?![\p{L}\p{N}])/gu;
// Prefixes of things that look like module codes but are not.
const NOT_A_CODE = new Set(
  `ISO ISBN ISSN COVID SARS PAGE TOTAL GPA CGPA ECTS IELTS TOEFL PTE UK USA NO ID REF ROLL USN FALL SPRING SUMMER
  WINTER TERM SEM YEAR JAN FEB MAR APR MAY JUN JUL AUG SEP SEPT OCT NOV DEC RTX GTX MICCAI MIDL IPMI ISBI ICML ICLR
  CVPR ICCV ECCV WACV BMVC AAAI IJCAI ACL EMNLP NAACL KDD CHI UAI AISTATS TMLR JMLR TMI MIUA SPIE IEEE ACM DOI PO
  BOX TEL FAX CV NIPS EUR USD GBP INR CHF RMB`.split(/\s+/),
);

/** The module codes in a text ("COMP3001", "CS 229", "21CS45"), each once. */
function moduleCodes(text: string): string[] {
  const codes = new Set<string>();
  for (const match of normaliseText(text).matchAll(MODULE_CODE)) {
    if (match[1] !== undefined && NOT_A_CODE.has(match[1])) continue;
    codes.add(match[0].replace(/[ -]/g, ''));
  }
  return [...codes];
}

/** How many distinct module codes a text names: evidence that it is a transcript. */
export function countModuleCodes(text: string): number {
  return moduleCodes(text).length;
}

// A mark or credit value: 0–200, a decimal ("15,5", "1.3"), a letter grade (A+, A0, AB, O), 30L, 28/30.
const MARK =
  /^(?:\d{1,3}(?:[.,]\d{1,2})?|[A-F][+-]?|A\*|[A-D]0|AA|AB|BB|BC|CC|CD|DD|FF|O|EX|P|NP|30L|\d{1,3}\/\d{2,3}|\(\d{1,3}(?:[.,]\d{1,2})?\))$/u;
// Lines that state totals, averages or grading scales rather than one module.
const NOT_A_ROW =
  /\b(?:total|summe|gesamt\w*|obtenus|earned|awarded|cumulative|overall|average|moyenne|media|c?gpa|sgpa|cpi|percentage|grade\s+points|scale|fait\s+à|issued|semester|term|level|page|crediti\s+acquisiti)\b|=|学分绩点|平均/iu;

// Dates are not marks: "12 07 2024", "15/02/2021", "3 March 2023".
const DATE =
  /\b\d{1,2}[\s./-]+(?:\d{1,2}|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?)[\s./-]+(?:19|20)\d{2}\b/giu;

const RECORD_LINES = 6;

const isMark = (token: string): boolean => {
  if (!MARK.test(token.replace(/[,;]$/u, ''))) return false;
  const value = Number(token.replace(/[()]/g, '').replace(',', '.'));
  return Number.isNaN(value) || value <= 200;
};

/**
 * Whether a line looks like one module with a mark: a title (a word of three letters or more, or Han
 * characters) followed by at least one mark when the line has a module code, else by two (credits and mark).
 */
export function isModuleRow(line: string): boolean {
  if (NOT_A_ROW.test(line)) return false;
  const text = line.replace(DATE, ' ').replace(/\b30\s+e\s+lode\b|\b30\s*cum\s+laude\b/giu, '30L');
  const hasCode = moduleCodes(text).length > 0;
  const tokens = text
    .replace(MODULE_CODE, ' ')
    .split(/\s+/)
    .filter((token) => token !== '');
  const titleAt = tokens.findIndex((token) => /\p{L}{3,}|\p{Script=Han}/u.test(token));
  if (titleAt < 0) return false;
  const marks = tokens.slice(titleAt + 1).filter(isMark).length;
  return marks >= (hasCode ? 1 : 2);
}

/**
 * How many rows of a transcript look like a module with a mark. A row starts at a module code and runs on
 * over the next lines (a PDF table wraps long titles) up to the next code or a totals line; without codes,
 * each line is a row.
 */
export function countModuleRows(text: string): number {
  let count = 0;
  let record: string[] | null = null;
  const flush = (): void => {
    if (record !== null && isModuleRow(record.join(' '))) count += 1;
    record = null;
  };
  for (const line of normaliseText(text).split('\n')) {
    if (NOT_A_ROW.test(line)) flush();
    else if (moduleCodes(line).length > 0) {
      flush();
      record = [line];
    } else if (record !== null && record.length < RECORD_LINES) {
      if (line.trim() !== '') record.push(line);
    } else {
      flush();
      if (isModuleRow(line)) count += 1;
    }
  }
  flush();
  return count;
}
