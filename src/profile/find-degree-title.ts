import type { DegreeLevel } from './profile-types.ts';

/** A degree title found in a line. */
export interface DegreeTitle {
  level: DegreeLevel;
  /** As written, without a trailing "degree": "MSc", "B.Tech.", "Laurea Magistrale", "Bachelor of Science". */
  title: string;
  index: number;
  end: number;
}

// Letters must not continue the title on either side ("MSc" in "MScs", "BA" in "BAnk").
const L = String.raw`(?<![\p{L}\p{N}])`;
const R = String.raw`(?![\p{L}\p{N}])`;
const FIELDS = String.raw`Science|Arts|Engineering|Technology|Research|Philosophy|Applied\s+Science|Computer\s+Applications|Mathematics|Physics|Statistics|Laws`;
// Parts of dotted abbreviations: "B.S.E.", "B.A.Sc.", "M.Eng.".
const DOTTED = String.raw`(?:Sc|S|A|E|Eng|Tech|Res|Phil|Math|Stat|Ed|Des|Arch|Pharm|Com|Sci|Phys|Chem)`;
// A bare two-letter abbreviation is a degree only before a subject: "MA Linguistics", "BS in CS", not "Boston, MA".
const BARE = String.raw`(?=\s+(?:in|of)\s|\s*\(\s*Hons|\s+Hons|\s+(?!Office|Word|Excel|PowerPoint|Teams|Windows|Access|Project|Visio|Azure|SQL)\p{Lu}\p{Ll})`;
const TITLES: readonly (readonly [level: DegreeLevel, source: string, flags: string])[] = [
  ['doctorate', String.raw`${L}(?:P[Hh]\.?\s?D|D\.?\s?Phil)\.?(?!\p{L})`, 'u'],
  [
    'doctorate',
    String.raw`${L}(?:Doctor\s+of\s+Philosophy|Doctorate|Doctoral\s+degree|Dottorato(?:\s+di\s+ricerca)?|Doctorat|Promotion\s+\(Dr\.)${R}`,
    'iu',
  ],
  [
    'master',
    String.raw`${L}(?:M\.?\s?(?:Sc|Res|Phil|Eng|Tech|Stat|Sci|Math|Phys|Chem)|MSC|MRES|MPHIL|MENG|MTECH|M\.[ASE]\.|LL\.?\s?M\.?|MBA)\.?(?!\p{L})`,
    'u',
  ],
  ['master', String.raw`${L}(?:MA|MS|ME)${BARE}`, 'u'],
  ['master', String.raw`${L}M\.(?:${DOTTED}\.){1,3}(?!\p{L})`, 'u'],
  [
    'master',
    String.raw`${L}(?:Master(?:'s|’s|s)?(?:\s+(?:1|2|I|II)${R}|\s+of\s+(?:${FIELDS}))?|Diplom(?:-[\p{L}.]+)?|Dipl\.-\p{L}+\.?|Dipl[ôo]me\s+d['’]\s?ing[ée]nieur|Magister|Integrated\s+Master(?:'s)?)${R}`,
    'iu',
  ],
  [
    'bachelor',
    String.raw`${L}(?:B\.?\s?(?:Sc|Eng|Tech|Math|Sci)|BSC|BENG|BTECH|B\.[ASE]\.)\.?(?!\p{L})`,
    'u',
  ],
  ['bachelor', String.raw`${L}(?:BA|BS|BE)${BARE}`, 'u'],
  ['bachelor', String.raw`${L}B\.(?:${DOTTED}\.){1,3}(?!\p{L})`, 'u'],
  [
    'bachelor',
    String.raw`${L}(?:Bachelor(?:'s|’s|s)?(?:\s+of\s+(?:${FIELDS}))?|Licenciatura|Grado)${R}`,
    'iu',
  ],
  // Capitalised only: "voto di laurea" and "driving licence" name no degree.
  [
    'master',
    String.raw`${L}(?:Laurea|LAUREA)\s+(?:Magistrale|MAGISTRALE|Specialistica|SPECIALISTICA)(?:\s+a\s+ciclo\s+unico)?${R}`,
    'u',
  ],
  ['bachelor', String.raw`${L}(?:Laurea|LAUREA)(?:\s+(?:Triennale|TRIENNALE))?${R}`, 'u'],
  ['master', String.raw`(?<=[Cc]orso\s+di\s+)laurea\s+magistrale${R}`, 'u'],
  ['bachelor', String.raw`(?<=[Cc]orso\s+di\s+)laurea(?:\s+triennale)?${R}`, 'u'],
  ['bachelor', String.raw`${L}(?<![Dd]riving\s)(?:Licence|LICENCE)(?:\s+\d)?${R}`, 'u'],
];
// Chinese: 博士 doctorate, 硕士 master, 学士 / 本科 bachelor (本科生 is a student, 研究生 either level: left out).
const HAN_TITLES: readonly (readonly [level: DegreeLevel, source: string, flags: string])[] = [
  ['doctorate', '博士(?:学位)?', 'u'],
  ['master', '硕士(?:学位)?', 'u'],
  ['bachelor', '(?:学士(?:学位)?|本科(?!生))', 'u'],
];
const TITLE_PATTERNS = [...TITLES, ...HAN_TITLES].map(([level, source, flags]) => ({
  level,
  pattern: new RegExp(source, `g${flags}`),
}));

// "Master's thesis", "BSc project", "MSc modules" name a part of a degree, not a degree.
const NOT_A_DEGREE =
  /^(?:\s+degree)?\s*(?:thesis|theses|dissertation|project|course|courses|coursework|modules?|level|scholarship|programme\s+(?:coordinator|director))\b/i;
const NOT_A_DEGREE_LINE =
  /\b(?:supervis\w*|taught|teaching\s+assistant|tutor(?:ed|ing)?|mentor\w*|TA\s+for)\b/i;
const RANK: Record<DegreeLevel, number> = { other: 0, bachelor: 1, master: 2, doctorate: 3 };

/**
 * The degree title a line names, or null. When a line names several ("B.Tech + M.Tech dual degree"), the
 * highest level wins; a German Diplom, a Diplôme d'ingénieur and a 5-year Laurea a ciclo unico are master-level.
 */
export function findDegreeTitle(line: string): DegreeTitle | null {
  if (NOT_A_DEGREE_LINE.test(line)) return null;
  let best: DegreeTitle | null = null;
  for (const { level, pattern } of TITLE_PATTERNS) {
    for (const match of line.matchAll(pattern)) {
      const end = match.index + match[0].length;
      if (NOT_A_DEGREE.test(line.slice(end))) continue;
      const found = { level, title: match[0].trim(), index: match.index, end };
      if (
        best === null ||
        RANK[level] > RANK[best.level] ||
        (level === best.level && found.index < best.index)
      ) {
        best = found;
      }
    }
  }
  return best;
}
