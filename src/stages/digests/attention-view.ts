import { mailText } from '../../output/mail-text.ts';
import type { DigestAttention } from './digest-attention.ts';
import { displayName } from './display-name.ts';
import type { DigestClock } from './format-digest-values.ts';

/** One review item as a digest shows it; every string one line without control characters (mailText). */
export interface PossibleApplicationView {
  name: string;
  email: string;
  subject: string;
  received: string;
  /** Why it is held for review, in words (`tag mistyped: "[PHD-robustAl2]"`). */
  reason: string;
  /** Why it looks like an application (a CV attached, study intent…). */
  evidence: string;
  folder: string;
}

/** One question waiting for the supervisor, as a digest shows it. */
export interface QuestionView {
  name: string;
  email: string;
  subject: string;
  received: string;
  /** The message's first lines, one line. */
  firstLines: string;
}

/** The most items of each list a digest shows; the rest are counted. */
export const ATTENTION_MAX = 20;

const REASON_WORDING: Readonly<Record<string, string>> = {
  'tag-mistyped': 'tag mistyped',
  'tag-suffix': 'tag with extra characters',
  'tag-garbled': 'tag garbled',
  'tag-missing': 'no tag',
};

/** The review items and questions of a vacancy formatted for the renderers (dates by `clock`). Pure. */
export function attentionViews(
  attention: DigestAttention | undefined,
  clock: DigestClock,
): {
  possibly: PossibleApplicationView[];
  waiting: QuestionView[];
  more: { possibly: number; waiting: number };
} {
  const review = attention?.review ?? [];
  const questions = attention?.questions ?? [];
  return {
    possibly: review.slice(0, ATTENTION_MAX).map(({ record, message }) => {
      const miss = message.nearMiss;
      const matched = miss === undefined || miss.matched === '' ? '' : `: "${miss.matched}"`;
      return {
        name: displayName(record),
        email: mailText(record.email, { controls: '' }),
        subject: mailText(message.subject, { max: 200 }) || '(no subject)',
        received: clock.when(message.receivedAt),
        reason: mailText(`${REASON_WORDING[miss?.reason ?? ''] ?? 'tag missed'}${matched}`, { max: 200 }),
        evidence: mailText((miss?.evidence ?? []).filter((line) => !line.startsWith('subject ')).join('; '), {
          max: 300,
        }),
        folder: mailText(message.filedTo ?? 'not filed yet'),
      };
    }),
    waiting: questions.slice(0, ATTENTION_MAX).map(({ candidate, message }) => ({
      name: displayName(candidate),
      email: mailText(candidate.email, { controls: '' }),
      subject: mailText(message.subject, { max: 200 }) || '(no subject)',
      received: clock.when(message.receivedAt),
      firstLines: mailText(message.question?.firstLines ?? '', { max: 200 }),
    })),
    more: {
      possibly: Math.max(0, review.length - ATTENTION_MAX),
      waiting: Math.max(0, questions.length - ATTENTION_MAX),
    },
  };
}
