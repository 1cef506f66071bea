import { parseConfig } from '../config/load-config.ts';
import type { Config } from '../config/schema.ts';
import { DEMO_ADDRESS, DEMO_VACANCIES } from './sample-applications.ts';

/** Where the demo's servers are. */
export interface DemoServers {
  redisUrl: string;
  prefix: string;
  imap: { host: string; port: number; user: string; pass: string };
  smtpPort: number;
}

/** The demo configuration, validated by the real configuration loader (as if it came from triage.yaml). */
export function demoConfig(servers: DemoServers): Config {
  const raw = {
    redis: { url: servers.redisUrl, prefix: servers.prefix },
    mailboxes: [
      {
        id: 'chen',
        address: DEMO_ADDRESS,
        imap: {
          host: servers.imap.host,
          port: servers.imap.port,
          secure: false,
          auth: { user: servers.imap.user, pass: servers.imap.pass },
        },
        smtp: { host: '127.0.0.1', port: servers.smtpPort, secure: false },
        from: `"Dr Chen" <${DEMO_ADDRESS}>`,
        watch: 'INBOX',
        filing: 'Applications',
        reconcileSeconds: 5,
        backfillDays: 365,
      },
    ],
    vacancies: DEMO_VACANCIES,
    workers: { concurrency: 4, attempts: 3, shutdownSeconds: 10 },
    log: { level: 'warn' },
  };
  return parseConfig(JSON.stringify(raw), {}, 'demo');
}
