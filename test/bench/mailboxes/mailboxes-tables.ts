import type { BenchTable, Figure } from '../bench-table.ts';
import { percentile } from '../daemon/measure-latency.ts';

/** What the run is given. */
export interface MailboxesSettings {
  mailboxes: number;
  processes: number;
  /** Applications per mailbox in the backlog. */
  applications: number;
  leaseSeconds: number;
  maxConnections: number;
}

/** What the fleet run measured. */
export interface FleetFigures {
  settings: MailboxesSettings;
  pids: number[];
  victimPid: number | null;
  /** Leases per process pid once they had spread, and after the kill. */
  spreadAtStart: ReadonlyMap<number, number>;
  spreadAfterKill: ReadonlyMap<number, number>;
  /** From every process logging `daemon started` until every lease was held within the fair share. */
  spreadMs: number;
  drainMs: number;
  backlog: number;
  /** From SIGKILL until every mailbox's lease was held by a survivor. */
  takeoverMs: number;
  orphans: number;
  applications: number;
  acknowledgedOnce: number;
  duplicates: number;
  filed: number;
  /** Per mailbox, the most IMAP connections the daemons had open to it at once. */
  peaks: number[];
}

/** The section's tables: the spread per process, then the run's figures. */
export function mailboxesTables(figures: FleetFigures): BenchTable[] {
  const { settings } = figures;
  const share = Math.ceil(settings.mailboxes / settings.processes);
  const survivors = settings.processes - 1;
  const spreadRows = figures.pids.map((pid, index) => ({
    process: `#${index + 1}${pid === figures.victimPid ? ' (killed)' : ''}`,
    atStart: figures.spreadAtStart.get(pid) ?? 0,
    afterKill: pid === figures.victimPid ? null : (figures.spreadAfterKill.get(pid) ?? 0),
  }));
  const sortedPeaks = [...figures.peaks].sort((a, b) => a - b);
  const rows: Array<[string, Figure]> = [
    [
      'leases spread (every mailbox watched, none above its share), s after every process started',
      seconds(figures.spreadMs),
    ],
    ['backlog applications', figures.backlog],
    ['backlog drained (all acknowledged), s', seconds(figures.drainMs)],
    ['throughput, applications/s', (figures.backlog / (figures.drainMs / 1000)).toFixed(2)],
    [`mailboxes of the killed process`, figures.orphans],
    ['watched again after kill -9, s', seconds(figures.takeoverMs)],
    ['leaseSeconds', settings.leaseSeconds],
    ['applications in all (backlog + one per mailbox after the kill)', figures.applications],
    ['acknowledged exactly once', figures.acknowledgedOnce],
    ['acknowledged more than once', figures.duplicates],
    ['filed', figures.filed],
    ['peak IMAP connections per mailbox: max', sortedPeaks.at(-1) ?? null],
    ['peak IMAP connections per mailbox: median', percentile(sortedPeaks, 50)],
    ['maxConnections', settings.maxConnections],
  ];
  return [
    {
      id: 'spread',
      title: `Watchers per process (${settings.mailboxes} mailboxes; fair share ${share}, then ${Math.ceil(settings.mailboxes / survivors)} among ${survivors})`,
      columns: [
        { key: 'process', label: 'process' },
        { key: 'atStart', label: 'leases after start' },
        { key: 'afterKill', label: 'leases after the kill' },
      ],
      rows: spreadRows,
    },
    {
      id: 'fleet',
      title: 'Takeover, exactly once, throughput and connections',
      columns: [
        { key: 'figure', label: 'figure' },
        { key: 'value', label: 'value' },
      ],
      rows: rows.map(([figure, value]) => ({ figure, value })),
      notes: [
        'Connections are counted by a proxy in front of Dovecot per mailbox, from accept to close, over the whole run.',
        'A lease lapses two thirds of leaseSeconds after its last renewal; the survivors look for free leases every twelfth to sixth of it.',
      ],
    },
  ];
}

// Times to a tenth of a second, as text: the table's other figures are counts.
function seconds(ms: number): string {
  return (ms / 1000).toFixed(1);
}
