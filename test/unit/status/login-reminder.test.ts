import { describe, expect, it } from 'vitest';
import { composeLoginReminder } from '../../../src/status/compose-login-reminder.ts';
import { statusProblems } from '../../../src/status/daemon-status.ts';
import { planAlerts } from '../../../src/status/plan-alerts.ts';

const needsLogin = {
  id: 'chen',
  address: 'chen@uni.example',
  holder: 'host:1:abc',
  mode: null,
  lastFetchAt: null,
  fetchAgeSeconds: null,
  staleAfterSeconds: 15,
  connections: 0,
  maxConnections: 8,
  lastError: 'mailbox chen (microsoft365): invalid_grant: AADSTS70043 the refresh token has expired',
  lastErrorAt: '2026-12-06T09:00:00.000Z',
  auth: 'needs-login' as const,
  authFailures: 3,
  authRetryAt: '2026-12-06T10:00:00.000Z',
  cursor: null,
  backlog: 0,
  heldLetters: 0,
};

describe('a mailbox that needs a new sign-in', () => {
  it('the reminder says which command to run and that nothing is lost', () => {
    const { subject, text } = composeLoginReminder(needsLogin, {
      owner: 'host:1:abc',
      at: new Date('2026-12-06T12:00:00Z'),
    });
    expect(subject).toBe('applicant-triage: sign in again to chen@uni.example (triage login chen)');
    expect(text).toContain('\n    triage login chen\n');
    expect(text).toContain('Nothing is lost meanwhile');
    expect(text).toContain('Reason: mailbox chen (microsoft365): invalid_grant: AADSTS70043');
    expect(text).toContain('once a day');
  });

  it('status names it with the command, and the operator alert does too', () => {
    const problems = statusProblems({
      at: '',
      mailboxes: [needsLogin],
      queues: [],
      deadLetters: 0,
      unconfirmedReplies: 0,
      digests: [],
    });
    expect(problems).toEqual([
      'mailbox chen: needs a new sign-in (mailbox chen (microsoft365): invalid_grant: AADSTS70043 the refresh token has expired); run triage login chen',
    ]);
    const [item] = planAlerts(
      { notFetchedSeconds: 60 },
      {
        status: { mailboxes: [needsLogin] },
        deadLetters: [],
        reported: new Set(),
        startedAt: new Date(0),
        now: new Date(),
      },
    );
    expect(item?.summary).toBe('mailbox chen (chen@uni.example): needs a new sign-in');
    expect(item?.details).toContain('Run: triage login chen  (npm run triage -- login chen in a checkout)');
  });
});
