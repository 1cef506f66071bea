/** The years a degree ran, either of which may be unknown. */
export interface YearSpan {
  startYear: number | null;
  endYear: number | null;
}

const MONTH = String.raw`(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+|(?:0?[1-9]|1[0-2])\s*[/.]\s*)`;
// "2020.09" and "2020/09" (year first, then month) are read as the year.
const YEAR = String.raw`(?:19|20)\d{2}(?:[./](?:0[1-9]|1[0-2])(?!\d))?`;
const ONGOING = String.raw`present|now|current|ongoing|today|date|heute|oggi|aujourd['’]hui|in\s+progress`;
const RANGE = new RegExp(
  String.raw`(?<![\d/.])${MONTH}?(${YEAR})\s*(?:–|—|‒|−|-|to|until|till|bis|au|al|→)\s*(?:(?:expected|exp\.|anticipated)\s*:?\s*)?(?:${MONTH}?(${YEAR})(?!\d)|(\d{2})(?![\d/.])|(${ONGOING})\b)`,
  'giu',
);
const SINCE = new RegExp(String.raw`\b(?:since|from|seit|dal|depuis)\s+${MONTH}?(${YEAR})(?!\d)`, 'iu');
const EXPECTED = new RegExp(
  String.raw`\b(?:expected|exp\.|anticipated|graduation|to\s+graduate\s+in)\s*(?:graduation\s*)?:?\s*(?:in\s+)?${MONTH}?(${YEAR})(?!\d)`,
  'iu',
);
const SINGLE = /(?<![\d.,:])((?:19|20)\d{2})(?!\d|[.,]\d)/gu;
// "born 2 May 1999", "geboren am 14. März 2000": a birth date is no degree's year.
const BIRTH =
  /(?<!\p{L})(?:born|geboren|nat[ao]|née?|date\s+of\s+birth|geburtsdatum|d\.o\.b\.?)(?!\p{L})[^;\n]{0,40}?(?:19|20)\d{2}/giu;

const plausible = (year: number): boolean => year >= 1950 && year <= 2040;
const yearOf = (text: string | undefined): number => Number((text ?? '').slice(0, 4));

/**
 * The year span a text gives: a range ("2019 – 2023", "09/2019–06/2023", "Sep 2019 – Jun 2023", "2019–23",
 * "2021–present"), "since 2021", "Expected 2025", or else the last lone year as the end year; null when none.
 */
export function findYears(written: string): YearSpan | null {
  const text = written.replace(BIRTH, ' ');
  for (const match of text.matchAll(RANGE)) {
    const start = yearOf(match[1]);
    const end =
      match[2] !== undefined ? yearOf(match[2]) : match[3] !== undefined ? 2000 + Number(match[3]) : null;
    if (!plausible(start) || (end !== null && (!plausible(end) || end < start))) continue;
    return { startYear: start, endYear: end };
  }
  const since = SINCE.exec(text);
  if (since !== null) return { startYear: yearOf(since[1]), endYear: null };
  const expected = EXPECTED.exec(text);
  if (expected !== null) return { startYear: null, endYear: yearOf(expected[1]) };
  const years = [...text.matchAll(SINGLE)].map((match) => Number(match[1])).filter(plausible);
  const last = years.at(-1);
  return last === undefined ? null : { startYear: null, endYear: last };
}
