import { END, START, re, scaleSystem, toNumber, type GradeRule } from './grade-rules.ts';
import type { GradingSystem } from './profile-types.ts';

const NUMBER = String.raw`(\d{1,3}(?:[.,]\d{1,3})?)`;
const CUE_END = String.raw`\s*(?:[:=：]|de|of)?\s*`;

/** A reading of `value` in `system` when it lies within `low`–`high`, else none. */
function within(system: GradingSystem, value: string | undefined, low: number, high: number) {
  const number = toNumber(value ?? '');
  return number >= low && number <= high ? { system, value: number, explicit: true } : null;
}

/** Results named by the words one country's documents use for them, on that country's scale. */
export const NATIONAL_GRADE_RULES: readonly GradeRule[] = [
  {
    // Spanish: "Nota media del expediente: 8,61", "calificación media 7.9 / 10".
    pattern: re(
      String.raw`\b(?:nota\s+media(?:\s+(?:del\s+expediente|ponderada|final))?|calificaci[óo]n\s+media(?:\s+ponderada)?)${CUE_END}${START}${NUMBER}(?:\s*(?:\/|sobre)\s*10(?:[.,]0+)?)?${END}`,
      'giu',
    ),
    read: (m) => within('spanish-10', m[1], 0, 10),
  },
  {
    // Dutch: "Gemiddeld cijfer: 7,8", "gewogen gemiddelde 8.1".
    pattern: re(
      String.raw`\b(?:gemiddeld(?:e)?\s+(?:eind)?cijfer|gewogen\s+gemiddelde|eindcijfer|gemiddelde)${CUE_END}${START}${NUMBER}(?:\s*\/\s*10(?:[.,]0+)?)?${END}`,
      'giu',
    ),
    read: (m) => within('dutch-10', m[1], 1, 10),
  },
  {
    // Brazilian: "Coeficiente de Rendimento Acumulado (CRA): 8,2", "média geral 7.9".
    pattern: re(
      String.raw`\b(?:m[ée]dia\s+(?:geral|final|global|ponderada)|coeficiente\s+de\s+rendimento(?:\s+acumulado)?(?:\s*\(CRA?\))?|[íi]ndice\s+de\s+rendimento\s+acad[êe]mico(?:\s*\(IRA\))?)${CUE_END}${START}${NUMBER}(?:\s*\/\s*10(?:[.,]0+)?)?${END}`,
      'giu',
    ),
    read: (m) => within('brazilian-10', m[1], 0, 10),
  },
  {
    // Persian: "معدل کل: 17.25".
    pattern: re(String.raw`معدل(?:\s*کل)?\s*[:：]?\s*${START}${NUMBER}(?:\s*(?:\/|از)\s*20)?${END}`, 'gu'),
    read: (m) => within('iranian-20', m[1], 0, 20),
  },
  {
    // Turkish: "AGNO: 3,21 / 4,00", "Genel Not Ortalaması 3.45".
    pattern: re(
      String.raw`\b(?:A?GNO|Genel\s+(?:Ağırlıklı\s+)?Not\s+Ortalaması)${CUE_END}${START}${NUMBER}(?:\s*\/\s*4(?:[.,]0{1,2})?)?${END}`,
      'giu',
    ),
    read: (m) => within('turkish-4', m[1], 0, 4),
  },
  {
    // Turkish 100-point: "100 üzerinden 82,5".
    pattern: re(String.raw`\b100\s+üzerinden\s*${START}${NUMBER}${END}`, 'giu'),
    read: (m) => within('turkish-100', m[1], 0, 100),
  },
  {
    // Korean: "평점평균 4.12", "평균평점: 3.9/4.5".
    pattern: re(
      String.raw`(?:평점\s*평균|평균\s*평점|총\s*평점|평점)\s*[:：]?\s*${START}${NUMBER}(?:\s*\/\s*4[.,]5)?${END}`,
      'gu',
    ),
    read: (m) => within('korean-4.5', m[1], 0, 4.5),
  },
  {
    // Chinese: "加权平均分：86.5", "平均成绩 85", "均分 88".
    pattern: re(
      String.raw`(?:加权)?(?:平均(?:分|成绩|学分成绩)|均分)\s*[:：]?\s*${START}${NUMBER}(?:\s*(?:\/\s*100|分))?${END}`,
      'gu',
    ),
    read: (m) => within('chinese-percent', m[1], 40, 100),
  },
  {
    // Chinese grade points: "平均学分绩点（GPA）：3.6/4.0".
    pattern: re(
      String.raw`(?:平均)?(?:学分)?绩点\s*(?:[(（]\s*GPA\s*[)）])?\s*[:：]?\s*${START}(\d(?:[.,]\d{1,3})?)(?:\s*\/\s*(4|5)(?:[.,]0+)?)?${END}`,
      'gu',
    ),
    read: (m, context) => {
      const value = toNumber(m[1] ?? '');
      const system = scaleSystem(m[2] ?? (value <= 4 ? '4' : '5'), context);
      return system === null ? null : { system, value, explicit: true };
    },
  },
];
