import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { parseConfig } from '../../../src/config/load-config.ts';
import { ownAddresses } from '../../../src/config/own-addresses.ts';
import type { Config } from '../../../src/config/schema.ts';
import { parseMessage } from '../../../src/mail/parse-message.ts';
import { planMessage } from '../../../src/stages/ingest/plan-message.ts';
import type { IngestPlan } from '../../../src/stages/ingest/plan-ingest.ts';
import {
  injectTag,
  loadMailManifest,
  MAIL_CATEGORIES,
  mailCorpusPresent,
  readCorpusMail,
  type CorpusMail,
  type MailCategory,
} from './mail-corpus.ts';

/** The vacancy tag injected into every subject for the second run (the example configuration's). */
export const INJECTED_TAG = '[PHD-robustAI]';

/** What happened to one corpus mail, as is and with the tag injected. */
export interface MailOutcome {
  mail: CorpusMail;
  /** The classification's kind and rule, as is and tagged; null when the pipeline threw. */
  plain: { kind: string; rule: string; replyPlanned: boolean; failedRecipients: number } | null;
  tagged: { kind: string; rule: string; replyPlanned: boolean; failedRecipients: number } | null;
  error: string | null;
}

/** The figures of one category in one split. */
export interface CategoryFigures {
  n: number;
  /** Classed bounce or auto-reply both as is and tagged; for human mail, either way (taken for automatic). */
  automatic: number;
  /** Recorded as an application or answered (acknowledgement or enquiry reply), as is or tagged. */
  replyPlanned: number;
  /** Classed automatic both ways and nothing planned either way. */
  automaticNoReply: number;
  /** Bounces whose failed recipient was found. */
  failedRecipientFound: number;
  crashes: number;
}

/** Per split, per category. */
export interface MailFigures {
  dev: Record<MailCategory, CategoryFigures>;
  heldOut: Record<MailCategory, CategoryFigures>;
  outcomes: MailOutcome[];
}

const AUTOMATIC_KINDS: ReadonlySet<string> = new Set(['bounce', 'auto-reply']);

/** Runs every corpus mail through the real parser and ingest plan, as is and with the tag in its subject. */
export async function measureMail(): Promise<MailFigures> {
  const config = await measurementConfig();
  const outcomes: MailOutcome[] = [];
  for (const mail of loadMailManifest()) {
    outcomes.push(await runMail(mail, config));
  }
  return {
    dev: tally(outcomes.filter((outcome) => outcome.mail.split === 'dev')),
    heldOut: tally(outcomes.filter((outcome) => outcome.mail.split === 'held-out')),
    outcomes,
  };
}

/** Whether an outcome counts as automatic with nothing planned, both as is and tagged. */
export function automaticNoReply(outcome: MailOutcome): boolean {
  const { plain, tagged } = outcome;
  return (
    plain !== null &&
    tagged !== null &&
    AUTOMATIC_KINDS.has(plain.kind) &&
    AUTOMATIC_KINDS.has(tagged.kind) &&
    !plain.replyPlanned &&
    !tagged.replyPlanned
  );
}

/** Whether a human mail was taken for automatic, as is or tagged. */
export function takenForAutomatic(outcome: MailOutcome): boolean {
  return [outcome.plain, outcome.tagged].some((run) => run !== null && AUTOMATIC_KINDS.has(run.kind));
}

/** The example configuration, with enquiry replies on: untagged mail that reads like an enquiry would be answered. */
export async function measurementConfig(): Promise<Config> {
  const example = parseConfig(
    await readFile(new URL('../../../config/triage.example.yaml', import.meta.url), 'utf8'),
    { IMAP_PASSWORD: 'x', SMTP_PASSWORD: 'y' },
    'triage.example.yaml',
  );
  const raw = { ...example, replies: { ...example.replies, enquiries: true } };
  return parseConfig(JSON.stringify(raw), {}, 'measurement config');
}

async function runMail(mail: CorpusMail, config: Config): Promise<MailOutcome> {
  const raw = await readCorpusMail(mail);
  try {
    const plain = await planOnce(raw, config);
    const tagged = await planOnce(injectTag(raw, INJECTED_TAG), config);
    return { mail, plain, tagged, error: null };
  } catch (error) {
    return { mail, plain: null, tagged: null, error: error instanceof Error ? error.message : String(error) };
  }
}

/** One run of the real parser and ingest plan over a raw message: its classification and whether a reply is planned. */
export async function planOnce(raw: Buffer, config: Config): Promise<NonNullable<MailOutcome['plain']>> {
  const parsed = await parseMessage(raw, config.limits);
  const mailbox = config.mailboxes[0];
  if (mailbox === undefined) throw new Error('the example configuration has no mailbox');
  const plan: IngestPlan = await planMessage(
    parsed,
    {
      config,
      mailbox,
      ownAddresses: ownAddresses(config),
      thread: null,
      location: { uidValidity: '1', uid: 1 },
      receivedAt: '2026-11-20T09:00:00.000Z',
    },
    { config, sentRecipients: null, unreadSent: 'assume-read', reader: null },
  );
  const { kind, rule } = plan.triage.classification;
  return {
    kind,
    rule,
    replyPlanned: plan.application !== null || plan.enquiry !== null,
    failedRecipients: plan.bounce?.failedRecipients.length ?? 0,
  };
}

function tally(outcomes: readonly MailOutcome[]): Record<MailCategory, CategoryFigures> {
  const figures = Object.fromEntries(
    MAIL_CATEGORIES.map((category) => [
      category,
      { n: 0, automatic: 0, replyPlanned: 0, automaticNoReply: 0, failedRecipientFound: 0, crashes: 0 },
    ]),
  ) as Record<MailCategory, CategoryFigures>;
  for (const outcome of outcomes) {
    const entry = figures[outcome.mail.label];
    entry.n += 1;
    if (outcome.error !== null) {
      entry.crashes += 1;
      continue;
    }
    const runs = [outcome.plain, outcome.tagged];
    // Automatic mail counts when classed automatic both ways; a person's mail is taken for automatic either way.
    const automatic =
      outcome.mail.label === 'human'
        ? takenForAutomatic(outcome)
        : runs.every((run) => run !== null && AUTOMATIC_KINDS.has(run.kind));
    if (automatic) entry.automatic += 1;
    if (runs.some((run) => run?.replyPlanned)) entry.replyPlanned += 1;
    if (automaticNoReply(outcome)) entry.automaticNoReply += 1;
    if ((outcome.plain?.failedRecipients ?? 0) > 0) entry.failedRecipientFound += 1;
  }
  return figures;
}

/** The figures as a plain-text table, one row per category and split. */
export function formatFigures(figures: MailFigures): string {
  const header = 'split     category               n  automatic  reply-planned  failed-rcpt  crashes';
  const rows = (['dev', 'heldOut'] as const).flatMap((split) =>
    MAIL_CATEGORIES.filter((category) => figures[split][category].n > 0).map((category) => {
      const entry = figures[split][category];
      const automatic = category === 'human' ? `${entry.automatic} taken` : `${entry.automaticNoReply}`;
      return [
        (split === 'dev' ? 'dev' : 'held-out').padEnd(9),
        category.padEnd(21),
        String(entry.n).padStart(3),
        automatic.padStart(10),
        String(entry.replyPlanned).padStart(14),
        (category === 'bounce' ? String(entry.failedRecipientFound) : '-').padStart(12),
        String(entry.crashes).padStart(8),
      ].join(' ');
    }),
  );
  return [header, ...rows].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  if (!(await mailCorpusPresent())) {
    console.error(
      'the mail corpus is not in the cache (TRIAGE_CORPUS_DIR or ~/.cache/applicant-triage/corpus)',
    );
    process.exit(2);
  }
  const figures = await measureMail();
  console.log(formatFigures(figures));
  if (process.argv.includes('--misses')) {
    for (const outcome of figures.outcomes.filter((entry) => entry.mail.split === 'dev')) {
      const miss = outcome.mail.label === 'human' ? takenForAutomatic(outcome) : !automaticNoReply(outcome);
      if (miss || outcome.error !== null) {
        const runs = [outcome.plain, outcome.tagged].map((run) =>
          run ? `${run.kind}/${run.rule}` : 'crash',
        );
        console.log(`${outcome.mail.label.padEnd(21)} ${outcome.mail.file}  ${runs.join('  ')}`);
      }
    }
  }
}
