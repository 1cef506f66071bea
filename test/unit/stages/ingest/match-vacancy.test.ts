import { describe, expect, it } from 'vitest';
import { matchVacancy } from '../../../../src/stages/ingest/match-vacancy.ts';

const VACANCIES = [
  { id: 'robust-ai', tag: 'PHD-robustAI' },
  { id: 'med-imaging', tag: 'DPHIL-MedIm' },
];

type Expected = readonly [vacancyId: string, kind: 'exact' | 'variant', matched: string] | null;

const CASES: readonly (readonly [subject: string, expected: Expected])[] = [
  // exact: "[" + tag + "]" as configured, whatever the reply/forward prefixes
  ['[PHD-robustAI] Application - Jane Doe', ['robust-ai', 'exact', '[PHD-robustAI]']],
  ['Re: [PHD-robustAI] Application', ['robust-ai', 'exact', '[PHD-robustAI]']],
  ['Fwd: RE: Fw: [PHD-robustAI] CV and transcript', ['robust-ai', 'exact', '[PHD-robustAI]']],
  ['AW: WG: [PHD-robustAI] Bewerbung', ['robust-ai', 'exact', '[PHD-robustAI]']],
  ['回复：转发: [PHD-robustAI] 申请', ['robust-ai', 'exact', '[PHD-robustAI]']],
  ['Application [DPHIL-MedIm] - Pedro Silva', ['med-imaging', 'exact', '[DPHIL-MedIm]']],
  // variant: case
  ['[phd-robustai] application', ['robust-ai', 'variant', '[phd-robustai]']],
  ['[PHD-ROBUSTAI] APPLICATION', ['robust-ai', 'variant', '[PHD-ROBUSTAI]']],
  // variant: other brackets or none
  ['PHD-robustAI application', ['robust-ai', 'variant', 'PHD-robustAI']],
  ['(PHD-robustAI) application', ['robust-ai', 'variant', '(PHD-robustAI)']],
  ['{PHD-robustAI} application', ['robust-ai', 'variant', '{PHD-robustAI}']],
  ['<PHD-robustAI> application', ['robust-ai', 'variant', '<PHD-robustAI>']],
  ['【PHD-robustAI】申请', ['robust-ai', 'variant', '【PHD-robustAI】']],
  ['［PHD-robustAI］ application', ['robust-ai', 'variant', '［PHD-robustAI］']],
  // variant: full-width characters (NFKC)
  ['［ＰＨＤ－ｒｏｂｕｓｔＡＩ］申请', ['robust-ai', 'variant', '［ＰＨＤ－ｒｏｂｕｓｔＡＩ］']],
  // variant: separators varied or missing
  ['Application PHD robustAI', ['robust-ai', 'variant', 'PHD robustAI']],
  ['PHD_robust_AI application', ['robust-ai', 'variant', 'PHD_robust_AI']],
  ['phd-robust-ai', ['robust-ai', 'variant', 'phd-robust-ai']],
  ['phd.robust.ai application', ['robust-ai', 'variant', 'phd.robust.ai']],
  ['Ph.D. robust AI - application', ['robust-ai', 'variant', 'Ph.D. robust AI']],
  ['PHD\u00a0robustAI application', ['robust-ai', 'variant', 'PHD\u00a0robustAI']],
  ['[PHDrobustAI] application', ['robust-ai', 'variant', '[PHDrobustAI]']],
  ['Re: PhdRobustAIApplication', ['robust-ai', 'variant', 'PhdRobustAI']],
  // variant: localized prefixes do not disturb matching
  ['SV: VS: TR: RV: Antw: Réf: [PHD robustAI]', ['robust-ai', 'variant', '[PHD robustAI]']],
  ['答复: PHD-robustAI申请', ['robust-ai', 'variant', 'PHD-robustAI']],
  ['Re: (phd robustAI) 申请', ['robust-ai', 'variant', '(phd robustAI)']],
  ['dphil medim application', ['med-imaging', 'variant', 'dphil medim']],
  ['I am applying (PHD-robustAI).', ['robust-ai', 'variant', '(PHD-robustAI)']],
  // several vacancies: exact beats an earlier variant; otherwise the earliest wins
  ['Re: DPHIL-MedIm / [PHD-robustAI]', ['robust-ai', 'exact', '[PHD-robustAI]']],
  ['phd robustai or dphil-medim', ['robust-ai', 'variant', 'phd robustai']],
  ['dphil-medim or phd robustai', ['med-imaging', 'variant', 'dphil-medim']],
  // negatives: no token boundary, different tag, or only a partial tag
  ['[PHD-robustAIx] application', null],
  ['myphdrobustai application', null],
  ['MYPHDROBUSTAI', null],
  ['[XPHD-robustAI] application', null],
  ['[PHD-robustAI2] application', null],
  ['[PHD-robust] application', null],
  ['PHD application in robust AI', null],
  ['robustAI PHD', null],
  ['[DPHIL-MedImaging] application', null],
  ['Question about PhD opportunities in your group', null],
  ['', null],
];

describe('matchVacancy', () => {
  it.each(CASES)('%j → %j', (subject, expected) => {
    const match = matchVacancy(subject, VACANCIES);
    if (expected === null) {
      expect(match).toBeNull();
    } else {
      const [vacancyId, kind, matched] = expected;
      expect(match).toEqual({ vacancyId, kind, matched });
    }
  });

  it.each([
    ['[PHD-robustAl] Application', '[PHD-robustAl]'],
    ['[PHD-r0bustAI] Application', '[PHD-r0bustAI]'],
    ['[PHD-robustA1] Application', '[PHD-robustA1]'],
    ['[PHD-robustA|] Application', '[PHD-robustA|]'],
    ['[PHD-robu5tAI] Application', '[PHD-robu5tAI]'],
    ['[DPHIL-MedIrn] Application', '[DPHIL-MedIrn]'],
  ])('confusable: %s is a variant of the tag, with the look-alike written as it came', (subject, matched) => {
    const match = matchVacancy(subject, VACANCIES);
    expect(match).toMatchObject({ kind: 'variant', matched, confusable: true });
  });

  it('confusable: an exact or tolerant match of another vacancy comes first', () => {
    const vacancies = [...VACANCIES, { id: 'ai', tag: 'PHD-robustAl' }];
    expect(matchVacancy('[PHD-robustAl] Application', vacancies)).toEqual({
      vacancyId: 'ai',
      kind: 'exact',
      matched: '[PHD-robustAl]',
    });
  });

  it.each(['[PHD-robustAX] Application', '[PHD-robustAI2] Application', 'robustAl PHD'])(
    'confusable: %s is not one (more than look-alikes differ)',
    (subject) => {
      expect(matchVacancy(subject, VACANCIES)).toBeNull();
    },
  );

  it('accepts a tag configured with its brackets', () => {
    expect(matchVacancy('Re: [ML-2025] hello', [{ id: 'ml', tag: '[ML-2025]' }])).toEqual({
      vacancyId: 'ml',
      kind: 'exact',
      matched: '[ML-2025]',
    });
  });

  it('prefers the longer tag when two tags start at the same place', () => {
    const vacancies = [
      { id: 'short', tag: 'PHD' },
      { id: 'long', tag: 'PHD-robustAI' },
    ];
    expect(matchVacancy('phd robustai application', vacancies)?.vacancyId).toBe('long');
  });

  it('matches a tag without letters or digits only in its exact form', () => {
    expect(matchVacancy('[--] hello --', [{ id: 'odd', tag: '--' }])).toEqual({
      vacancyId: 'odd',
      kind: 'exact',
      matched: '[--]',
    });
    expect(matchVacancy('hello --', [{ id: 'odd', tag: '--' }])).toBeNull();
  });

  it('returns null when there are no vacancies', () => {
    expect(matchVacancy('[PHD-robustAI]', [])).toBeNull();
  });
});
