import { digestCsv } from './digest-csv.ts';
import type { DigestInput } from './digest-input.ts';
import { buildDigestView } from './digest-view.ts';
import { fitDigestToSize } from './fit-digest-size.ts';
import { renderDigestHtml } from './render-digest-html.ts';
import { renderDigestText } from './render-digest-text.ts';

/** A digest ready to send: subject, both bodies, one CSV per vacancy, and how many candidates it reports. */
export interface ComposedDigest {
  subject: string;
  text: string;
  html: string;
  attachments: Array<{ filename: string; content: string; contentType: 'text/csv; charset=utf-8' }>;
  counts: { new: number; updated: number };
}

/**
 * Composes a supervisor's digest: per vacancy the new and then the updated candidates (complete first, then by
 * fit score, then by arrival), totals and the deadline, possible applications held for review and questions
 * waiting for an answer, plus a CSV of all candidates per vacancy. Returns `null` when nothing changed (no
 * candidate, no review item) and `sendEmpty` is false. Never attaches applicant documents. Pure.
 */
export function composeDigest(input: DigestInput): ComposedDigest | null {
  // Under Gmail's clipping limit: what does not fit is counted, and is in the attached CSV.
  const view = fitDigestToSize(buildDigestView(input));
  const { counts } = view;
  if (counts.new + counts.updated + view.review === 0 && !input.sendEmpty) return null;
  return {
    subject: view.subject,
    text: renderDigestText(view),
    html: renderDigestHtml(view),
    attachments: input.vacancies.flatMap((vacancy) => digestCsv(vacancy, input.weights) ?? []),
    counts,
  };
}
