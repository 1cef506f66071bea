import { type BenchSection, type FlagValues, wholeNumberFlag } from './bench-section.ts';
import { MAILBOXES_TITLE, runMailboxesBench } from './mailboxes/run-mailboxes-bench.ts';

/** `npm run bench -- --only mailboxes`: many mailboxes (Dovecot users) watched by several daemon processes. */
export const mailboxesSection: BenchSection = {
  name: 'mailboxes',
  title: MAILBOXES_TITLE,
  flags: {
    mailboxes: { type: 'string' },
    'mailbox-processes': { type: 'string' },
    'mailbox-applications': { type: 'string' },
    'mailbox-lease-seconds': { type: 'string' },
    'max-connections': { type: 'string' },
  },
  usage: [
    '--mailboxes <n>             mailboxes (Dovecot users), each with a vacancy of its own (default 50)',
    '--mailbox-processes <n>     daemon processes watching them all (default 3)',
    '--mailbox-applications <n>  applications per mailbox in the backlog (default 4)',
    '--mailbox-lease-seconds <n> mailboxes[].leaseSeconds (default 30, the production default)',
    '--max-connections <n>       mailboxes[].maxConnections (default 8, the production default)',
  ],
  prepare(values: FlagValues) {
    const settings = {
      mailboxes: wholeNumberFlag(values, 'mailboxes', 50, 1),
      processes: wholeNumberFlag(values, 'mailbox-processes', 3, 2),
      applications: wholeNumberFlag(values, 'mailbox-applications', 4, 1),
      leaseSeconds: wholeNumberFlag(values, 'mailbox-lease-seconds', 30, 2),
      maxConnections: wholeNumberFlag(values, 'max-connections', 8, 2),
    };
    return () => runMailboxesBench(settings);
  },
};
