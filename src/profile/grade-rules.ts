import type { GradeCountry } from './grade-country.ts';
import type { GradingSystem } from './profile-types.ts';

/** What a rule read from its match, before normalisation. */
export interface GradeReading {
  system: GradingSystem;
  value: number | string;
  cumLaude?: boolean;
  /** The match names its system (a scale, "GPA", "Honours", "Gesamtnote"…), not just a bare class word. */
  explicit: boolean;
}

/** Which rules apply besides the unconditional ones. */
export interface GradeContext {
  /** A Master's entry: Distinction / Merit / Pass are UK taught-Master's results. */
  mastersResults?: boolean;
  /** The entry names a German or Austrian institution: "grade 1.3" is on the German scale. */
  germanScale?: boolean;
  /** The text is one degree entry: a bare percentage ("82%") is its result. */
  degreeEntry?: boolean;
  /** The text names UK classes (Honours, 2:1…): a percentage or average mark is a UK mark, taken as it is. */
  ukMarks?: boolean;
  /** The country the text's institutions point to (gradeCountry): a UK percentage is a UK mark, 17/20 is Iranian… */
  country?: GradeCountry | null;
}

/** One way of writing a result: a pattern, the context it needs, and how to read its match. */
export interface GradeRule {
  pattern: RegExp;
  when?: keyof GradeContext;
  read: (match: RegExpExecArray, context: GradeContext) => GradeReading | null;
}

/** "8,7" and "8.7" alike. */
export const toNumber = (text: string): number => Number(text.replace(',', '.'));

/** Before a number: it must not continue a longer number, a date (10/2019) or a version (3.8.1). */
export const START = String.raw`(?<![\d.,/])`;
/** After a number: likewise. */
export const END = String.raw`(?![\d/]|[.,]\d)`;
const LODE = String.raw`(\s*(?:e\s+lode|con\s+lode|cum\s+laude|summa\s+cum\s+laude|\(\s*lode\s*\)|L\b))?`;
const PERCENT_SIGN = String.raw`\s*(?:%|percent\b|per\s?cent\b)`;
// Words that make a nearby percentage a measurement rather than a mark ("improved accuracy by 12%").
const NOT_A_MARK =
  /\b(?:accuracy|precision|recall|improv\w*|increas\w*|reduc\w*|decreas\w*|top|error|dice|auc|f1|faster|speed\w*|gain\w*|boost\w*|by|than|rate|funded|share)\b/i;

/** A global, case-insensitive pattern unless told otherwise. */
export const re = (source: string, flags = 'gi'): RegExp => new RegExp(source, flags);
const scaleSystems: Record<string, GradingSystem> = {
  '4': 'gpa-4',
  '4.3': 'gpa-4.3',
  '4.5': 'korean-4.5',
  '5': 'gpa-5',
  '10': 'cgpa-10',
  '20': 'french-20',
  '30': 'italian-30',
  '100': 'percent',
  '110': 'italian-110',
};

// Where a country reads a stated scale its own way: country → scale → system.
const nationalScales: Readonly<Partial<Record<GradeCountry, Readonly<Record<string, GradingSystem>>>>> = {
  uk: { '100': 'uk-class' },
  nl: { '10': 'dutch-10' },
  br: { '10': 'brazilian-10' },
  ir: { '20': 'iranian-20' },
  tr: { '4': 'turkish-4', '100': 'turkish-100' },
  pk: { '4': 'pakistani-4' },
  ng: { '5': 'nigerian-5' },
  cn: { '100': 'chinese-percent' },
};

// A bare GPA (no scale written) in these countries is on the country's own scale.
const homeScales: Readonly<Partial<Record<GradeCountry, readonly [max: number, system: GradingSystem]>>> = {
  ng: [5, 'nigerian-5'],
  kr: [4.5, 'korean-4.5'],
};

/** The system of a number on `scale` (e.g. '4', '20') as read in the context's country. */
export function scaleSystem(scale: string, context: GradeContext): GradingSystem | null {
  const national = context.country == null ? undefined : nationalScales[context.country]?.[scale];
  return national ?? scaleSystems[scale] ?? null;
}

/** A GPA's system from its stated scale, or (no scale) from the value: ≤ 4 → 4.0, ≤ 4.3, ≤ 5, ≤ 10 → CGPA. */
function gpaSystem(value: number, scale: string | undefined, context: GradeContext): GradingSystem | null {
  if (scale !== undefined) return scaleSystem(String(toNumber(scale)), context);
  const home = context.country == null ? undefined : homeScales[context.country];
  if (home !== undefined && value <= home[0]) return home[1];
  if (value <= 4) return scaleSystem('4', context);
  if (value <= 4.3) return 'gpa-4.3';
  if (value <= 5) return 'gpa-5';
  return value <= 10 ? scaleSystem('10', context) : null;
}

function percentReading(
  context: GradeContext,
  value: string | undefined,
  around = '',
  explicit = true,
): GradeReading | null {
  if (value === undefined || NOT_A_MARK.test(around) || /\d/.test(around)) return null;
  const system = context.ukMarks === true ? 'uk-class' : scaleSystem('100', context);
  return system === null ? null : { system, value: toNumber(value), explicit };
}

/** Numeric results (GPA, CGPA, /110, /30, /20, German, percentages), most specific first. */
export const NUMERIC_GRADE_RULES: readonly GradeRule[] = [
  {
    pattern: re(
      String.raw`(?:\b(?:voto(?:\s+di\s+laurea|\s+finale)?|final\s+(?:mark|grade)|degree\s+mark|grade|mark|score)\s*:?\s*)?${START}(\d{2,3}(?:[.,]\d{1,2})?)\s*\/\s*110${END}${LODE}`,
    ),
    read: (m) => ({
      system: 'italian-110',
      value: toNumber(m[1] ?? ''),
      cumLaude: m[2] !== undefined,
      explicit: true,
    }),
  },
  {
    pattern: re(String.raw`${START}110\s*(?:e\s+lode|con\s+lode|cum\s+laude|summa\s+cum\s+laude|L\b)`),
    read: () => ({ system: 'italian-110', value: 110, cumLaude: true, explicit: true }),
  },
  {
    pattern: re(
      String.raw`\b(?:media(?:\s+(?:ponderata|aritmetica|pesata|degli\s+esami|esami))?|(?:weighted\s+|exam\s+|overall\s+)?average(?:\s+(?:mark|grade|of\s+exams))?|mean(?:\s+grade)?|GPA)\s*(?:[:=]|of)?\s*(\d{2}(?:[.,]\d{1,3})?)\s*\/\s*30${END}${LODE}`,
    ),
    read: (m) => ({
      system: 'italian-30',
      value: toNumber(m[1] ?? ''),
      cumLaude: m[2] !== undefined,
      explicit: true,
    }),
  },
  {
    pattern: re(
      String.raw`(\b(?:moyenne(?:\s+g[ée]n[ée]rale|\s+annuelle|\s+pond[ée]r[ée]e)?|note(?:\s+finale)?|average(?:\s+grade|\s+mark)?|mean|overall|grade|mark|score)\s*(?:[:=]|of)?\s*)?${START}(\d{1,2}(?:[.,]\d{1,3})?)\s*(?:\/|sur)\s*20${END}(\s*[,;(–-]?\s*mention\s+(?:tr[èe]s\s+bien|assez\s+bien|bien|passable)\)?)?`,
    ),
    // Without a cue, "12/20" may be a date (December 2020): a decimal or a "mention" is then required.
    read: (m, context) =>
      m[1] !== undefined || m[3] !== undefined || /[.,]/.test(m[2] ?? '')
        ? { system: scaleSystem('20', context) ?? 'french-20', value: toNumber(m[2] ?? ''), explicit: true }
        : null,
  },
  {
    pattern: re(
      String.raw`\b(?:Gesamtnote|GESAMTNOTE|Abschlussnote|Endnote|Durchschnittsnote|Notendurchschnitt|Gesamturteil|Note|NOTE)(?:\s*\/\s*[A-Za-z ]{1,20}?)?\s*:?\s*(?:(?:sehr\s+gut|gut|befriedigend|ausreichend|mit\s+Auszeichnung)\s*)?\(?\s*([1-5][.,]\d{1,2})${END}\s*\)?`,
      'g',
    ),
    read: (m) => ({ system: 'german', value: toNumber(m[1] ?? ''), explicit: true }),
  },
  {
    pattern: re(
      String.raw`(?:\b(?:(?:final|overall|average|total)\s+)?(?:grade|mark|score|GPA)\s*(?:[:=]|of)?\s*)?${START}([1-5][.,]\d{1,2})\s*(?:\(\s*)?(?:(?:on|in)\s+the\s+)?(?:German|deutsche[nr]?)\b(?:\s+(?:grading\s+)?(?:scale|system|grade|Notenskala))?(?:[^()\n]{0,25}\))?`,
    ),
    read: (m) => ({ system: 'german', value: toNumber(m[1] ?? ''), explicit: true }),
  },
  {
    pattern: re(
      String.raw`\b(?:(?:final|overall|average|total)\s+)?(?:grade|mark|Note)\s*(?:[:=]|of)?\s*${START}([1-5][.,]\d)${END}`,
    ),
    when: 'germanScale',
    read: (m) => ({ system: 'german', value: toNumber(m[1] ?? ''), explicit: true }),
  },
  {
    pattern: re(
      String.raw`\b(?:(?:cumulative|overall|final)\s+)?(?:[CSDO]GPA|GPA|CPI|grade\s+point\s+average)\b(?:\s*\([A-Z]{2,5}\))?\s*(?:[:=\-–]|of|is)?\s*${START}(\d{1,2}(?:[.,]\d{1,3})?)(?:\s*(?:\/|out\s+of|on\s+a(?:\s+scale\s+of)?)\s*(\d{1,3}(?:[.,]\d{1,2})?)(?:[-\s]*(?:point\s+)?scale)?|\s*\(\s*(?:out\s+of|on\s+a(?:\s+scale\s+of)?|scale(?:\s+of)?|\/)\s*(\d{1,3}(?:[.,]\d{1,2})?)(?:[-\s]*(?:point\s+)?scale)?\s*\))?${END}`,
    ),
    read: (m, context) => {
      const value = toNumber(m[1] ?? '');
      const system = gpaSystem(value, m[2] ?? m[3], context);
      return system === null ? null : { system, value, explicit: true };
    },
  },
  {
    pattern: re(
      String.raw`${START}(\d{1,2}[.,]\d{1,2})\s*\/\s*(4(?:[.,]0{1,2})?|4[.,][35]|5(?:[.,]0{1,2})?|10(?:[.,]0{1,2})?)${END}(?:\s*(?:[CSDO]?GPA|CPI)\b)?`,
    ),
    read: (m, context) => {
      const value = toNumber(m[1] ?? '');
      const system = gpaSystem(value, m[2], context);
      return system === null ? null : { system, value, explicit: true };
    },
  },
  {
    pattern: re(
      String.raw`\b(?:aggregate|average|overall|marks|grade|percentage|score|total|result)\b([^%\n]{0,30}?)${START}(\d{1,3}(?:[.,]\d{1,2})?)${PERCENT_SIGN}`,
    ),
    read: (m, context) => percentReading(context, m[2], m[1]),
  },
  {
    pattern: re(
      String.raw`\b(?:percentage|aggregate)\s*(?:of|[:=\-–])?\s*(\d{2}(?:[.,]\d{1,2})?)(?![\d/%]|[.,]\d|\s*(?:%|percent|per\s?cent|\/))`,
    ),
    read: (m, context) => percentReading(context, m[1]),
  },
  {
    // "Overall average mark: 72.4" states no scale: a mark of 40–100 is read as a percentage (or a UK mark).
    pattern: re(
      String.raw`\b(?:(?:(?:overall|final|weighted|cumulative)\s+)?(?:average|mean)(?:\s+(?:mark|grade|score))?|(?:overall|final|degree)\s+mark)\s*(?:[:=]|of)?\s*(\d{2,3}(?:[.,]\d{1,2})?)(?![\d/%]|[.,]\d|\s*(?:%|percent|per\s?cent|\/|out\s+of))`,
    ),
    read: (m, context) => (toNumber(m[1] ?? '') >= 40 ? percentReading(context, m[1]) : null),
  },
  {
    pattern: re(
      String.raw`${START}(\d{1,3}(?:[.,]\d{1,2})?)${PERCENT_SIGN}\s*(?:in\s+)?(?:aggregate|marks|overall|average)\b`,
    ),
    read: (m, context) => percentReading(context, m[1]),
  },
  {
    // The whole line around a bare percentage is checked: "improved accuracy by 12%" is no mark.
    pattern: re(
      String.raw`(?<=^([^\n]*?))${START}(\d{1,3}(?:[.,]\d{1,2})?)${PERCENT_SIGN}(?=([^\n]*))`,
      'gim',
    ),
    when: 'degreeEntry',
    read: (m, context) =>
      NOT_A_MARK.test(`${m[1] ?? ''} ${m[3] ?? ''}`) ? null : percentReading(context, m[2], '', false),
  },
];
