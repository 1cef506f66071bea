import { parseConfig } from '../../src/config/load-config.ts';
import type { Config } from '../../src/config/schema.ts';
import { REDIS_URL } from './redis-prefix.ts';

/** Where the test servers are. */
export interface TestServers {
  imap: { host: string; port: number; user: string; pass: string };
  smtpPort: number;
  prefix: string;
  /** Default: the tests' Redis (`REDIS_URL`). */
  redisUrl?: string;
}

/**
 * What a caller changes: `mailbox` is merged into the mailbox, any other key replaces that section. A key set
 * to undefined is left out of the file, so the loader's default (the production one) applies.
 */
export type ConfigOverrides = { mailbox?: Record<string, unknown> } & Record<string, unknown>;

/** Two vacancies on one mailbox, validated by the real configuration loader. */
export function testConfig(servers: TestServers, overrides: ConfigOverrides = {}): Config {
  return parseConfig(JSON.stringify(rawTestConfig(servers, overrides)), {}, 'test config');
}

/** The configuration file `testConfig` parses (for daemons started as processes). */
export function rawTestConfig(servers: TestServers, overrides: ConfigOverrides = {}): object {
  const { mailbox: mailboxOverrides, ...rest } = overrides;
  return {
    redis: { url: servers.redisUrl ?? REDIS_URL, prefix: servers.prefix },
    mailboxes: [
      {
        id: 'chen',
        address: 'chen@uni.example',
        imap: {
          host: servers.imap.host,
          port: servers.imap.port,
          secure: false,
          auth: { user: servers.imap.user, pass: servers.imap.pass },
        },
        smtp: { host: '127.0.0.1', port: servers.smtpPort, secure: false },
        from: '"Dr Chen" <chen@uni.example>',
        reconcileSeconds: 5,
        leaseSeconds: 3,
        ...mailboxOverrides,
      },
    ],
    vacancies: [
      {
        id: 'robust-ai',
        tag: 'PHD-robustAI',
        title: 'PhD in Robust and Adaptive AI for Medical Imaging',
        supervisors: ['chen@uni.example'],
        documents: { required: ['cv', 'transcript'], optional: ['research'] },
      },
      {
        id: 'med-imaging',
        tag: 'DPHIL-MedIm',
        title: 'DPhil in Medical Image Analysis',
        supervisors: ['chen@uni.example', 'okafor@uni.example'],
      },
    ],
    workers: { concurrency: 4, attempts: 3, shutdownSeconds: 10 },
    log: { level: 'debug' },
    ...rest,
  };
}

/** The test configuration's `robust-ai` vacancy alone, with these keywords and required documents. */
export function robustAiOnly(
  keywords: string[],
  required: string[] = ['cv', 'transcript'],
): { vacancies: object[] } {
  const optional = ['transcript', 'research'].filter((kind) => !required.includes(kind));
  return {
    vacancies: [
      {
        id: 'robust-ai',
        tag: 'PHD-robustAI',
        title: 'PhD in Robust and Adaptive AI for Medical Imaging',
        supervisors: ['chen@uni.example'],
        documents: { required, optional },
        keywords,
      },
    ],
  };
}
