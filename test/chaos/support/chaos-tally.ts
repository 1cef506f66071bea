import { simpleParser } from 'mailparser';
import { redisKeys } from '../../../src/adapters/redis/redis-keys.ts';
import type { CandidateRecord } from '../../../src/candidates/candidate-record.ts';
import { formatTable } from '../../../src/cli/format-table.ts';
import { replyMessageId } from '../../../src/stages/replies/reply-headers.ts';
import type { SunkMessage } from '../../support/smtp-sink.ts';
import type { ChaosMessage } from './chaos-applications.ts';

/** What a chaos run ends with: the counts the suite prints, and the details of anything lost or doubled. */
export interface ChaosTally {
  messages: number;
  kills: number;
  candidates: number;
  filed: number;
  acknowledgements: number;
  /** Replies of other kinds (a "complete" reply when messages were assessed out of order): reported, allowed. */
  otherReplies: number;
  duplicates: number;
  lost: number;
  /** Messages not filed as part of a candidate, and (applicant, vacancy) pairs never acknowledged nor flagged. */
  lostDetail: string[];
  /**
   * Pairs whose acknowledgement a SIGKILL cut off mid-transfer: the ledger says "sending", so by the at-most-once
   * protocol it is never sent again and the candidate is flagged `reply-unconfirmed` for a person (README,
   * "Exactly once"). Not lost: recorded and shown by `status` and `candidates`.
   */
  unconfirmedDetail: string[];
  /** (applicant, vacancy) pairs acknowledged more than once, or replies nobody was owed. */
  duplicateDetail: string[];
}

/** Where the acknowledgements come from: the run's key prefix, the mailbox address, and each tag's vacancy id. */
export interface ReplyOrigin {
  prefix: string;
  mailbox: string;
  vacancies: Readonly<Record<string, string>>;
  /** The installation's keyed hash of an address, as the daemons' ledger keys hold it. */
  hashAddress: (address: string) => string;
}

/**
 * Compares what was appended with what the daemons did: every message must be in a candidate's record and
 * filed, and the sink must hold exactly one acknowledgement per (applicant, vacancy tag) that applied, and no
 * reply to anyone else. An acknowledgement is recognised by its Message-ID, which the daemon derives from the
 * reply's ledger key (vacancy, applicant, kind), as the daemon would derive it.
 */
export async function tallyChaos(
  appended: readonly ChaosMessage[],
  candidates: readonly CandidateRecord[],
  sunk: readonly SunkMessage[],
  kills: number,
  origin: ReplyOrigin,
): Promise<ChaosTally> {
  const filedIds = new Set(
    candidates.flatMap((candidate) =>
      candidate.messages.filter((message) => message.filedTo !== null).map((message) => message.messageId),
    ),
  );
  const lostDetail = appended
    .filter((message) => !filedIds.has(message.messageId))
    .map((message) => `not filed: ${message.messageId}`);
  const keys = redisKeys(origin.prefix);
  const owed = new Map<string, string>();
  for (const message of appended.filter((entry) => entry.acknowledged)) {
    const vacancy = origin.vacancies[message.tag] ?? message.tag;
    const ledgerKey = keys.replyLedger(vacancy, origin.hashAddress(message.applicant), 'acknowledgement');
    owed.set(replyMessageId(ledgerKey, origin.mailbox), pairKey(message.applicant, message.tag));
  }
  const acknowledged = new Map<string, number>();
  const duplicateDetail: string[] = [];
  let otherReplies = 0;
  for (const message of sunk) {
    const parsed = await simpleParser(message.raw);
    const pair = owed.get(parsed.messageId ?? '');
    const tag = /\[([^\]]+)\]/.exec(parsed.subject ?? '')?.[1] ?? '(no tag)';
    const owedSomething = message.to.some((to) => [...owed.values()].includes(pairKey(to, tag)));
    if (pair !== undefined) acknowledged.set(pair, (acknowledged.get(pair) ?? 0) + 1);
    else if (owedSomething) otherReplies += 1;
    else duplicateDetail.push(`reply nobody was owed: ${message.to.join(', ')} / ${tag}`);
  }
  const flagged = new Set(
    candidates
      .filter((candidate) => candidate.flags.includes('reply-unconfirmed'))
      .map((candidate) => `${candidate.email.toLowerCase()}|${candidate.vacancy}`),
  );
  const unconfirmedDetail: string[] = [];
  for (const message of appended.filter((entry) => entry.acknowledged)) {
    const pair = pairKey(message.applicant, message.tag);
    if (acknowledged.has(pair) || lostDetail.includes(`never acknowledged: ${pair}`)) continue;
    const vacancy = origin.vacancies[message.tag] ?? message.tag;
    if (flagged.has(`${message.applicant.toLowerCase()}|${vacancy}`)) {
      if (!unconfirmedDetail.includes(pair)) unconfirmedDetail.push(pair);
    } else lostDetail.push(`never acknowledged: ${pair}`);
  }
  for (const [pair, count] of acknowledged)
    if (count > 1) duplicateDetail.push(`${count} acknowledgements: ${pair}`);
  const extra = [...acknowledged.values()].reduce((sum, count) => sum + count - 1, 0);
  return {
    messages: appended.length,
    kills,
    candidates: candidates.length,
    filed: appended.filter((message) => filedIds.has(message.messageId)).length,
    acknowledgements: [...acknowledged.values()].reduce((sum, count) => sum + count, 0),
    otherReplies,
    duplicates: extra + duplicateDetail.filter((line) => line.startsWith('reply nobody')).length,
    lost: lostDetail.length,
    lostDetail,
    unconfirmedDetail,
    duplicateDetail,
  };
}

/** The lines the suite prints. */
export function renderTally(title: string, tally: ChaosTally): string {
  const counts = [
    ['messages', tally.messages],
    ['kills', tally.kills],
    ['candidates', tally.candidates],
    ['filed', tally.filed],
    ['acknowledgements', tally.acknowledgements],
    ['other replies', tally.otherReplies],
    ['duplicates', tally.duplicates],
    ['lost', tally.lost],
    ['unconfirmed (flagged)', tally.unconfirmedDetail.length],
  ] as const;
  const lines = formatTable(
    counts.map(([name, value]) => [name, String(value)]),
    { indent: '  ' },
  );
  const details = [
    ...tally.lostDetail,
    ...tally.duplicateDetail,
    ...tally.unconfirmedDetail.map((pair) => `unconfirmed, flagged reply-unconfirmed: ${pair}`),
  ]
    .slice(0, 20)
    .map((line) => `  ! ${line}`);
  return [`chaos: ${title}`, ...lines, ...details].join('\n');
}

function pairKey(address: string, tag: string): string {
  return `${address.toLowerCase()} / ${tag}`;
}
