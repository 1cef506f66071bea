import type { SeenSummary } from '../../src/ports/stage-stores.ts';
import type { CandidateRecord, ReplyRecord } from '../../src/candidates/candidate-record.ts';
import { formatTable } from '../../src/cli/format-table.ts';
import type { AcknowledgementCheck } from './check-acknowledgements.ts';
import type { ReportedMessage } from './reported-message.ts';
import { plural } from '../../src/domain/plural.ts';
import { printable, printableBlock } from './printable.ts';
import { recordedDocuments } from './recorded-documents.ts';
import { replyCalledFor, replyDecision, type ReplyRules } from './reply-outcomes.ts';
import { readable, type SavedReply } from './save-replies.ts';

/** What the report says about replies: the daemon's decisions, and what the SMTP sink received. */
export interface RepliesReport {
  messages: readonly ReportedMessage[];
  seen: ReadonlyMap<string, SeenSummary>;
  candidates: readonly CandidateRecord[];
  rules: ReplyRules;
  /** What the SMTP sink received, as saved. */
  saved: readonly SavedReply[];
  /** The folder they were saved in, as the user would type it. */
  dir: string;
  check: AcknowledgementCheck;
}

/** The `reply:` line of message `index`: what it got, or why it got nothing. */
export function describeReply(input: RepliesReport, index: number): string {
  const message = input.messages[index];
  const summary = message && input.seen.get(message.key);
  if (message === undefined || summary === undefined) return 'none — not triaged';
  if (summary.kind === 'review') return 'none — held for review: a near miss gets no acknowledgement';
  if (summary.kind === 'reference') return "none — a referee's letter: referees get no automatic reply";
  if (summary.kind !== 'application') return `none — not an application (${summary.kind})`;
  const candidate = input.candidates.find((entry) => entry.messages.some((m) => m.key === message.key));
  if (candidate === undefined) return 'none — no candidate was recorded for it';
  const kind = replyCalledFor(candidate, message.key, input.rules);
  const decision = kind === null ? undefined : replyDecision(candidate, kind);
  const earlier = input.messages.findIndex((other) => other.key === message.key);
  if (earlier < index) {
    const once =
      decision?.status === 'sent'
        ? `${kind === 'acknowledgement' ? 'acknowledged' : 'answered'} once`
        : 'decided once';
    return `none — the same message as #${earlier + 1} (${once})`;
  }
  if (kind === null) return 'none — a follow-up that completes nothing (receipts for follow-ups are off)';
  if (decision === undefined) return `${kind} not decided`;
  if (decision.status === 'suppressed') return `suppressed — ${whySuppressed(decision, message)}`;
  if (decision.status !== 'sent') return `${kind} ${decision.status} — ${printable(decision.detail)}`;
  const saved = input.saved.find((reply) => reply.mail.facts?.messageId === decision.detail);
  const to = printable(decision.to ?? '?');
  return `${kind} sent to ${to} (${about(input, kind, message)}) → ${saved?.eml ?? 'never reached the SMTP server'}`;
}

function about(input: RepliesReport, kind: string, message: ReportedMessage): string {
  if (kind === 'complete') return 'application now complete';
  if (kind === 'receipt') return 'follow-up received';
  const missing = missingAt(input, message);
  return missing.length > 0 ? `missing: ${missing.join(', ')}` : 'nothing missing';
}

/** What the daemon recorded as missing once `message` had arrived (what its acknowledgement lists). */
function missingAt(input: RepliesReport, message: ReportedMessage | undefined): string[] {
  if (message === undefined) return [];
  return recordedDocuments(input.candidates, input.rules.vacancies, message.key)?.missing ?? [];
}

function whySuppressed(decision: ReplyRecord, message: ReportedMessage): string {
  if (decision.detail === 'auto-response-suppress') {
    const header = message.facts.headers['x-auto-response-suppress']?.[0];
    const asked = header === undefined ? '' : `: ${printable(header)}`;
    return `the sender asked for no automatic replies (X-Auto-Response-Suppress${asked})`;
  }
  return `rule ${printable(decision.detail)}`;
}

/** The Acknowledgements section: what the sink received, the check, and one acknowledgement in full. */
export function formatAcknowledgements(input: RepliesReport): string[] {
  const { saved, check } = input;
  const count = plural(saved.length, 'message');
  const rows = saved.map((reply) => [
    printable(reply.mail.to.join(', ')),
    reply.kind ?? 'unexpected',
    printable(reply.mail.facts?.subject ?? '(unparseable)'),
  ]);
  const lines = [
    `The SMTP server received ${count}, saved in ${input.dir} (.eml as received, .txt to read):`,
    ...formatTable([['TO', 'KIND', 'SUBJECT'], ...rows], { indent: '  ' }),
    '',
  ];
  if (check.ok) lines.push(printable(check.summary));
  else {
    lines.push(
      'WARNING: the SMTP server did not receive exactly one acknowledgement per applicant and vacancy:',
    );
    lines.push(...check.problems.map((problem) => `  - ${printable(problem)}`));
  }
  return [...lines, '', ...formatExample(input)];
}

// What an applicant receives: an acknowledgement that lists a missing document (Bo's), in full.
function formatExample(input: RepliesReport): string[] {
  const example = input.saved.find(
    (reply) =>
      reply.kind === 'acknowledgement' &&
      reply.answers !== null &&
      missingAt(input, input.messages[reply.answers - 1]).length > 0,
  );
  if (example === undefined) return ['No acknowledgement listed a missing document.'];
  const who = printable(example.candidate?.name || example.mail.to.join(', '));
  return [
    `What an applicant receives: ${who}'s acknowledgement, which lists what is missing (${example.txt}):`,
    '',
    printableBlock(readable(example), '    '),
  ];
}
