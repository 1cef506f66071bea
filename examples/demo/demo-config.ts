import type { Config } from '../../src/config/schema.ts';
import { testConfig, type TestServers } from '../../test/support/test-config.ts';
import { DEMO_VACANCIES } from './sample-applications.ts';
import { demoOpenCall } from './sample-calls.ts';
import { DEMO_ADDRESS } from './sample-mail.ts';

/**
 * The demo configuration, validated by the real configuration loader (as if it came from triage.yaml): the
 * tests' one for Dr Chen's mailbox, with the demo vacancies (the first with a registration form whose responses
 * are in `registrations`) and an open call, a year of backfill, the production lease and only warnings logged.
 */
export function demoConfig(servers: Required<TestServers>, registrations: string, now = new Date()): Config {
  const [robustAi, ...others] = DEMO_VACANCIES;
  return testConfig(servers, {
    mailbox: {
      address: DEMO_ADDRESS,
      from: `"Dr Chen" <${DEMO_ADDRESS}>`,
      backfillDays: 365,
      leaseSeconds: undefined,
    },
    vacancies: [
      { ...robustAi, registrations: { file: registrations, link: 'https://forms.example/robust-ai' } },
      ...others,
      demoOpenCall(now),
    ],
    log: { level: 'warn' },
  });
}
