import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseConfig } from '../../../src/config/load-config.ts';
import { rawTestConfig, type TestServers } from '../../support/test-config.ts';

/** Where the daemon under test finds its servers, and how it runs. */
export interface DaemonSetup extends Required<TestServers> {
  concurrency: number;
  /** The operator endpoint's port (for /metrics); none when not given. */
  httpPort?: number;
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
  // The loader's defaults wherever they apply, as in production: reconcile and lease times, log level.
  const raw = rawTestConfig(setup, {
    mailbox: { reconcileSeconds: undefined, leaseSeconds: undefined },
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
    log: undefined,
    ...(setup.httpPort === undefined ? {} : { http: { port: setup.httpPort } }),
  });
  const text = JSON.stringify(raw, null, 2);
  parseConfig(text, {}, 'benchmark daemon config');
  const file = path.join(dir, `${setup.prefix}.yaml`);
  await writeFile(file, text);
  return file;
}
