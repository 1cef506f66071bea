import type { DaemonStatus } from '../status/daemon-status.ts';
import { formatTable } from './format-table.ts';

function age(seconds: number | null): string {
  if (seconds === null) return 'never';
  if (seconds < 120) return `${seconds} s ago`;
  if (seconds < 7200) return `${Math.round(seconds / 60)} min ago`;
  return `${Math.round(seconds / 3600)} h ago`;
}

// Each vacancy's next purge; a date already past means at the daemon's next check.
function purgeLines(purges: DaemonStatus['nextPurges'], at: string): string[] {
  if (purges === null) return ['Retention: not configured (candidate data is kept)'];
  const rows = purges.map((purge) => [
    purge.vacancy,
    purge.action,
    purge.at === null ? '-' : purge.at <= at ? `due now (since ${purge.at})` : purge.at,
    String(purge.candidates),
  ]);
  return [
    'Next purges',
    ...formatTable([['vacancy', 'action', 'when', 'candidates'], ...rows], {
      indent: '  ',
      rightAligned: [false, false, false, true],
    }),
  ];
}

/** `triage status` as text: mailboxes, queues, digests, retention purges, then what needs a person. */
export function formatStatus(status: DaemonStatus): string {
  const mailboxRows = status.mailboxes.map((mailbox) => [
    mailbox.id,
    mailbox.holder ?? 'not watched',
    mailbox.mode ?? '-',
    age(mailbox.fetchAgeSeconds),
    mailbox.cursor === null ? '-' : `${mailbox.cursor.uidValidity}/${mailbox.cursor.lastUid}`,
    String(mailbox.backlog),
    String(mailbox.heldLetters),
    `${mailbox.connections}/${mailbox.maxConnections}`,
    mailbox.auth,
  ]);
  const queueRows = status.queues.map((queue) => [
    queue.name,
    String(queue.waiting),
    String(queue.active),
    String(queue.delayed),
    String(queue.failed),
  ]);
  const digestRows = status.digests.map((digest) => [
    digest.supervisor,
    digest.vacancies.join(', '),
    digest.next ?? '-',
  ]);
  const lines = [
    'Mailboxes',
    ...formatTable(
      [
        ['mailbox', 'watcher', 'mode', 'last fetch', 'cursor', 'backlog', 'held letters', 'imap', 'login'],
        ...mailboxRows,
      ],
      {
        indent: '  ',
        rightAligned: [false, false, false, false, false, true, true, true, false],
      },
    ),
    '',
    'Queues',
    ...formatTable([['queue', 'waiting', 'active', 'delayed', 'failed'], ...queueRows], {
      indent: '  ',
      rightAligned: [false, true, true, true, true],
    }),
    '',
    `Dead letters: ${status.deadLetters}`,
    `Unconfirmed replies: ${status.unconfirmedReplies}`,
    '',
    'Next digests',
    ...formatTable([['supervisor', 'vacancies', 'next'], ...digestRows], { indent: '  ' }),
    '',
    ...purgeLines(status.nextPurges, status.at),
    '',
    ...(status.problems.length === 0
      ? ['All well.']
      : ['Needs attention:', ...status.problems.map((problem) => `  - ${problem}`)]),
  ];
  return lines.join('\n');
}
