import { END, START, re, type GradeReading, type GradeRule } from './grade-rules.ts';
import type { UkClass } from './grade-tables.ts';

const HONS = String.raw`(?:[\s-]+Class)?(\s+(?:Honou?rs|Hons\.?|degree)|\s*\(\s*Hons\.?\s*\))?`;

const ukClass = (value: UkClass, explicit: boolean): GradeReading => ({
  system: 'uk-class',
  value,
  explicit,
});

/** Results named in words: UK classes, UK Master's results (Distinction, Merit, Pass) and ECTS letters. */
export const CLASS_GRADE_RULES: readonly GradeRule[] = [
  {
    // Case-sensitive: "first-class conference" (followed by a lowercase word) is an adjective.
    pattern: re(
      String.raw`\b(?:First|FIRST|first|1st)[\s-]+(?:Class|CLASS|class)(?:(\s+(?:Honou?rs|HONOU?RS|Hons\.?|degree)|\s*\(\s*Hons\.?\s*\))|\s+with\s+[Dd]istinction|(?![\s-]+\p{Ll}))`,
      'gu',
    ),
    read: (m) => ukClass('first', m[1] !== undefined),
  },
  {
    pattern: re(
      String.raw`(?:\bUpper[\s-]+(?:Second|2nd)|(?<![\d:.]|ratio\s|ratio of\s)2:1(?![\d:]))${HONS}`,
    ),
    read: () => ukClass('upper-second', true),
  },
  {
    pattern: re(
      String.raw`(?:\bLower[\s-]+(?:Second|2nd)|(?<![\d:.]|ratio\s|ratio of\s)2:2(?![\d:]))${HONS}`,
    ),
    read: () => ukClass('lower-second', true),
  },
  {
    // "2.1" is a section number or a version unless a class cue stands next to it.
    pattern: re(
      String.raw`(?:(?<=\b(?:class(?:ification)?|result|grade|Hons\.?\)?|Honou?rs)\s*[:,–-]?\s*)${START}2\.([12])${END}|${START}2\.([12])${END}(?=\s*(?:\(\s*Hons|Hons|Honou?rs|class|degree)))`,
    ),
    read: (m) => ukClass((m[1] ?? m[2]) === '1' ? 'upper-second' : 'lower-second', true),
  },
  {
    pattern: re(String.raw`\b(?:Third|3rd)[\s-]+Class(\s+(?:Honou?rs|Hons\.?|degree)|\s*\(\s*Hons\.?\s*\))?`),
    read: (m) => ukClass('third', m[1] !== undefined),
  },
  {
    pattern: re(
      String.raw`(?<=\b(?:classification|class|result|grade|awarded|achieved|obtained)\s*:?\s*(?:an?\s+)?)(First|1st|Third|3rd)\b(?![\s-]*(?:author|place|prize|year|semester|round|rank|term))`,
    ),
    read: (m) => ukClass(/^(?:first|1st)$/i.test(m[1] ?? '') ? 'first' : 'third', false),
  },
  {
    pattern: re(String.raw`(?<=[,–—|]\s*)(?:First|1st)(?=\s*(?:$|[,;)|]))`, 'gim'),
    read: () => ukClass('first', false),
  },
  {
    pattern: re(String.raw`\b(?:Pass|Ordinary)\s+degree\b`),
    read: () => ukClass('pass', true),
  },
  {
    pattern: re(
      String.raw`\b(?:[Ww]ith\s+)?(Distinction|DISTINCTION|Merit|MERIT|Pass|PASS)\b(?![\s-]*(?:[Ss]cholarship|[Aa]ward|[Ll]ist|based|[Pp]rize|rate|mark))`,
      'g',
    ),
    when: 'mastersResults',
    read: (m) => {
      const word = (m[1] ?? '').toLowerCase();
      return ukClass(word === 'pass' ? 'masters-pass' : word === 'merit' ? 'merit' : 'distinction', true);
    },
  },
  {
    pattern: re(String.raw`\b(?:ECTS|ects)(?:\s+(?:grade|Grade|GRADE))?\s*:?\s*(FX|[A-F])\b(?![+-])`, 'g'),
    read: (m) => ({ system: 'ects', value: m[1] ?? '', explicit: true }),
  },
  {
    pattern: re(String.raw`\b(?:grade|Grade)\s*:?\s*(FX|[A-F])\s*\(\s*ECTS\s*\)`, 'g'),
    read: (m) => ({ system: 'ects', value: m[1] ?? '', explicit: true }),
  },
];
