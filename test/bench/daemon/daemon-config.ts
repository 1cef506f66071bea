import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseConfig } from '../../../src/config/load-config.ts';

/** Where the daemon under test finds its servers, and how it runs. */
export interface DaemonSetup {
  imap: { host: string; port: number; user: string; pass: string };
  smtpPort: number;
  redisUrl: string;
  prefix: string;
  concurrency: number;
}

/** The vacancy every generated application is for. */
export const VACANCY_ID = 'robust-ai';
/** Replies per minute the daemon may send: the most the schema allows, so the drain does not time the limiter. */
export const BENCH_REPLY_RATE = 10_000;

/**
 * Writes the daemon's configuration (JSON, which the YAML loader reads) for one run and checks it with the real
 * loader first, so a mistake shows here rather than as a daemon that exits at start.
 */
export async function writeDaemonConfig(dir: string, setup: DaemonSetup): Promise<string> {
  const { imap } = setup;
  const raw = {
    redis: { url: setup.redisUrl, prefix: setup.prefix },
    mailboxes: [
      {
        id: 'chen',
        address: 'chen@uni.example',
        imap: {
          host: imap.host,
          port: imap.port,
          secure: false,
          auth: { user: imap.user, pass: imap.pass },
        },
        smtp: { host: '127.0.0.1', port: setup.smtpPort, secure: false },
        from: 'chen@uni.example',
      },
    ],
    vacancies: [
      {
        id: VACANCY_ID,
        tag: 'PHD-robustAI',
        title: 'PhD in Robust AI',
        supervisors: ['chen@uni.example'],
        documents: { required: ['cv', 'transcript'] },
      },
    ],
    replies: { ratePerMinute: BENCH_REPLY_RATE },
    workers: { concurrency: setup.concurrency },
  };
  const text = JSON.stringify(raw, null, 2);
  parseConfig(text, {}, 'benchmark daemon config');
  const file = path.join(dir, `${setup.prefix}.yaml`);
  await writeFile(file, text);
  return file;
}
