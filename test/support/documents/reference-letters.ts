import type { DocumentSpec } from './document-spec.ts';

/**
 * A referee's letter as many are written: letterhead, date, recommendation in the third person, an academic's
 * signature — and neither "reference" nor the applicant's name in its file name or the mail that carries it.
 */
export function referenceLetter(applicant: string, referee = 'Prof. John Smith'): DocumentSpec {
  const given = applicant.split(' ')[0] ?? applicant;
  return {
    blocks: [
      { text: "Department of Informatics, King's College London", style: 'heading' },
      { text: '25 November 2026' },
      { text: 'Dear Dr Chen,' },
      {
        text: `It is a pleasure to recommend Ms ${applicant} for the PhD position in Robust and Adaptive AI. I have known ${given} for three years: she was a student in my course on Machine Learning, and I supervised her MSc thesis on certified robustness.`,
      },
      {
        text: `She is among the best students I have taught in the last ten years. Her thesis was careful and original, and she presented it clearly; her results were accepted at a workshop. She works independently and asks good questions.`,
      },
      { text: `I recommend her without reservation.` },
      { text: 'Yours sincerely,' },
      { text: referee },
      { text: 'Professor of Machine Learning' },
    ],
  };
}
