import { simpleParser } from 'mailparser';
import type { CandidateRecord } from '../../../src/candidates/candidate-record.ts';
import type { SunkMessage } from '../../support/smtp-sink.ts';
import type { ChaosMessage } from './chaos-applications.ts';

/** What a chaos run ends with: the counts the suite prints, and the details of anything lost or doubled. */
export interface ChaosTally {
  messages: number;
  kills: number;
  candidates: number;
  filed: number;
  acknowledgements: number;
  duplicates: number;
  lost: number;
  /** Messages not filed as part of a candidate, and (applicant, vacancy) pairs never acknowledged. */
  lostDetail: string[];
  /** (applicant, vacancy) pairs answered more than once, or replies nobody was owed. */
  duplicateDetail: string[];
}

/**
 * Compares what was appended with what the daemons did: every message must be in a candidate's record and
 * filed, and the sink must hold exactly one reply per (applicant, vacancy tag) that applied.
 */
export async function tallyChaos(
  appended: readonly ChaosMessage[],
  candidates: readonly CandidateRecord[],
  sunk: readonly SunkMessage[],
  kills: number,
): Promise<ChaosTally> {
  const filedIds = new Set(
    candidates.flatMap((candidate) =>
      candidate.messages.filter((message) => message.filedTo !== null).map((message) => message.messageId),
    ),
  );
  const lostDetail = appended
    .filter((message) => !filedIds.has(message.messageId))
    .map((message) => `not filed: ${message.messageId}`);
  const owed = new Set(appended.filter((m) => m.acknowledged).map((m) => pairKey(m.applicant, m.tag)));
  const replies = new Map<string, number>();
  for (const message of sunk) {
    const parsed = await simpleParser(message.raw);
    const tag = /\[([^\]]+)\]/.exec(parsed.subject ?? '')?.[1] ?? '(no tag)';
    for (const to of message.to) {
      const key = pairKey(to, tag);
      replies.set(key, (replies.get(key) ?? 0) + 1);
    }
  }
  for (const pair of owed) if (!replies.has(pair)) lostDetail.push(`never acknowledged: ${pair}`);
  const duplicateDetail = [...replies].flatMap(([pair, count]) => {
    if (!owed.has(pair)) return [`reply nobody was owed: ${pair} (${count})`];
    return count > 1 ? [`${count} replies: ${pair}`] : [];
  });
  const extra = [...replies].reduce((sum, [pair, count]) => sum + (owed.has(pair) ? count - 1 : count), 0);
  return {
    messages: appended.length,
    kills,
    candidates: candidates.length,
    filed: appended.filter((message) => filedIds.has(message.messageId)).length,
    acknowledgements: sunk.length,
    duplicates: extra,
    lost: lostDetail.length,
    lostDetail,
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
    ['duplicates', tally.duplicates],
    ['lost', tally.lost],
  ] as const;
  const lines = counts.map(([name, value]) => `  ${name.padEnd(17)} ${value}`);
  const details = [...tally.lostDetail, ...tally.duplicateDetail].slice(0, 20).map((line) => `  ! ${line}`);
  return [`chaos: ${title}`, ...lines, ...details].join('\n');
}

function pairKey(address: string, tag: string): string {
  return `${address.toLowerCase()} / ${tag}`;
}
