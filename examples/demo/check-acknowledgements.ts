import type { CandidateRecord } from '../../src/candidates/candidate-record.ts';
import { plural } from '../../src/domain/plural.ts';
import type { SentReply } from './reply-outcomes.ts';

/**
 * The replies that acknowledge an application (`closed` is the acknowledgement after a deadline, `information` an
 * open call's answer to an enquirer).
 */
const ACKNOWLEDGING: ReadonlySet<string> = new Set(['acknowledgement', 'closed', 'information']);

/** Whether the SMTP sink received what it should have: the summary when it did, else every problem found. */
export interface AcknowledgementCheck {
  ok: boolean;
  summary: string;
  problems: string[];
}

/**
 * Checks what the SMTP sink received against the candidates: exactly one acknowledgement per applicant and
 * vacancy (none for one who asked for no automatic replies), each to the applicant, threaded under a message of
 * the INBOX and marked `Auto-Submitted: auto-replied`, and nothing that no reply decision accounts for.
 */
export function checkAcknowledgements(
  candidates: readonly CandidateRecord[],
  sent: readonly SentReply[],
): AcknowledgementCheck {
  const problems: string[] = [];
  const optedOut: string[] = [];
  for (const candidate of candidates) {
    const received = sent.filter(
      (reply) => reply.candidate === candidate && ACKNOWLEDGING.has(reply.kind ?? ''),
    ).length;
    const askedForNone = candidate.messages[0]?.noReply != null;
    if (askedForNone) optedOut.push(candidate.name || candidate.email);
    const expected = askedForNone ? 0 : 1;
    if (received !== expected) {
      problems.push(
        `${candidate.email} (${candidate.vacancy}): ${plural(received, 'acknowledgement')} received, ${expected} expected`,
      );
    }
  }
  for (const reply of sent) {
    const to = reply.mail.to.join(', ') || '(nobody)';
    if (reply.candidate === null) {
      problems.push(`a message to ${to} that no recorded reply accounts for`);
      continue;
    }
    const recorded = reply.candidate.replies.find((entry) => entry.kind === reply.kind)?.to;
    if (to !== recorded) problems.push(`the ${reply.kind} recorded for ${recorded} went to ${to}`);
    if (reply.answers === null) problems.push(`the ${reply.kind} to ${to} answers no message of the INBOX`);
    const marker = reply.mail.facts?.headers['auto-submitted']?.[0];
    if (marker !== 'auto-replied')
      problems.push(`the ${reply.kind} to ${to} is not Auto-Submitted: auto-replied`);
  }
  const acknowledged = candidates.length - optedOut.length;
  const summary = [
    `Checked: exactly one acknowledgement per applicant and vacancy (${plural(acknowledged, 'applicant')}, one each)`,
    optedOut.length > 0 ? `; ${optedOut.join(', ')} asked for no automatic replies and got none.` : '.',
  ].join('');
  return { ok: problems.length === 0, summary, problems };
}
