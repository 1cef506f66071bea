import { describe, expect, it } from 'vitest';
import { composeAlert } from '../../../src/status/compose-alert.ts';
import type { MailboxStatus } from '../../../src/status/daemon-status.ts';
import { formatDuration, planAlerts, type AlertInput } from '../../../src/status/plan-alerts.ts';

const NOW = new Date('2026-12-04T12:00:00Z');
const CONFIG = { notFetchedSeconds: 3600 };

function mailbox(extra: Partial<MailboxStatus> = {}): MailboxStatus {
  return {
    id: 'chen',
    address: 'chen@uni.example',
    holder: 'host:1:abcd',
    mode: 'idle',
    lastFetchAt: '2026-12-04T11:59:00Z',
    fetchAgeSeconds: 60,
    staleAfterSeconds: 180,
    connections: 0,
    maxConnections: 8,
    lastError: null,
    lastErrorAt: null,
    auth: 'ok',
    authFailures: 0,
    authRetryAt: null,
    cursor: { uidValidity: '1', lastUid: 4 },
    backlog: 0,
    heldLetters: 0,
    ...extra,
  };
}

function input(extra: Partial<AlertInput> = {}): AlertInput {
  return {
    status: { mailboxes: [mailbox()] },
    deadLetters: [],
    reported: new Set(),
    startedAt: new Date('2026-12-04T08:00:00Z'),
    now: NOW,
    ...extra,
  };
}

describe('planAlerts', () => {
  it('all well: a mailbox fetched a minute ago and no dead letters give no alert', () => {
    expect(planAlerts(CONFIG, input())).toEqual([]);
  });

  it('not-fetched: a mailbox last fetched 75 minutes ago is reported with its last error and watcher', () => {
    const stale = mailbox({
      lastFetchAt: '2026-12-04T10:45:00Z',
      fetchAgeSeconds: 4500,
      lastError: 'connect ECONNREFUSED 10.0.0.1:993',
      lastErrorAt: '2026-12-04T11:58:00Z',
    });
    const [item, ...rest] = planAlerts(CONFIG, input({ status: { mailboxes: [stale] } }));
    expect(rest).toEqual([]);
    expect(item?.key).toBe('stale:chen');
    expect(item?.summary).toBe('mailbox chen (chen@uni.example): not fetched for 1 h 15 min');
    expect(item?.details).toEqual([
      'The mailbox was not fetched for 1 h 15 min (last at 2026-12-04T10:45:00Z).',
      'Watched by host:1:abcd.',
      'Last error (2026-12-04T11:58:00Z): connect ECONNREFUSED 10.0.0.1:993',
    ]);
  });

  it('just under the threshold is not reported; at it, it is', () => {
    const under = mailbox({ fetchAgeSeconds: 3599 });
    expect(planAlerts(CONFIG, input({ status: { mailboxes: [under] } }))).toEqual([]);
    const at = mailbox({ fetchAgeSeconds: 3600 });
    expect(planAlerts(CONFIG, input({ status: { mailboxes: [at] } })).map((i) => i.key)).toEqual([
      'stale:chen',
    ]);
  });

  it('never-fetched: counts from the start of this daemon, not from nothing', () => {
    const never = mailbox({ lastFetchAt: null, fetchAgeSeconds: null, holder: null });
    const soon = input({ status: { mailboxes: [never] }, startedAt: new Date('2026-12-04T11:30:00Z') });
    expect(planAlerts(CONFIG, soon)).toEqual([]);
    const [item] = planAlerts(CONFIG, input({ status: { mailboxes: [never] } }));
    expect(item?.summary).toBe('mailbox chen (chen@uni.example): never fetched');
    expect(item?.details).toEqual([
      'The mailbox was never fetched (this daemon started 4 h ago).',
      'No daemon holds its lease: is one running?',
    ]);
  });

  it('login-refused: reported as a refused login with the next try, not also as not fetched', () => {
    const refused = mailbox({
      auth: 'auth-failed',
      authFailures: 3,
      authRetryAt: '2026-12-04T12:20:00Z',
      lastFetchAt: null,
      fetchAgeSeconds: null,
      lastError: 'AUTHENTICATIONFAILED Authentication failed.',
    });
    const items = planAlerts(CONFIG, input({ status: { mailboxes: [refused] } }));
    expect(items).toEqual([
      {
        key: 'auth:chen',
        summary: 'mailbox chen (chen@uni.example): login refused',
        details: [
          'The IMAP server refused the login 3 times; the next try is at 2026-12-04T12:20:00Z.',
          'Server said: AUTHENTICATIONFAILED Authentication failed.',
          'Check imap.auth (user and password) in the configuration, or use OAuth2.',
        ],
      },
    ]);
  });

  it('dead-letters: only those no alert reported count as new; five are listed, the rest counted', () => {
    const letters = Array.from({ length: 8 }, (_, index) => ({
      id: `ingest/job-${index}`,
      reason: `broken ${index}`,
      failedAt: `2026-12-04T11:0${index}:00Z`,
    }));
    const reported = new Set(['ingest/job-0']);
    const [item] = planAlerts(CONFIG, input({ deadLetters: letters, reported }));
    expect(item?.key).toBe('dead-letters');
    expect(item?.summary).toBe('7 new dead letters (8 in all)');
    expect(item?.details[0]).toBe('ingest/job-1 (2026-12-04T11:01:00Z): broken 1');
    expect(item?.details).toContain('and 2 more');
    expect(item?.details).toHaveLength(7);
    const all = new Set(letters.map((letter) => letter.id));
    expect(planAlerts(CONFIG, input({ deadLetters: letters, reported: all }))).toEqual([]);
  });

  it('several mailboxes: each gets its own key', () => {
    const mailboxes = [
      mailbox({ id: 'a', auth: 'auth-failed', authFailures: 1 }),
      mailbox({ id: 'b', fetchAgeSeconds: 7200 }),
      mailbox({ id: 'c' }),
    ];
    expect(planAlerts(CONFIG, input({ status: { mailboxes } })).map((item) => item.key)).toEqual([
      'auth:a',
      'stale:b',
    ]);
  });
});

describe('composeAlert', () => {
  const context = { owner: 'host:1:abcd', at: NOW };

  it('one item: the subject is its summary; the body lists it and where the daemon runs', () => {
    const { subject, text } = composeAlert(
      [{ key: 'auth:chen', summary: 'mailbox chen: login refused', details: ['Check imap.auth.'] }],
      context,
    );
    expect(subject).toBe('applicant-triage: mailbox chen: login refused');
    expect(text).toContain('- mailbox chen: login refused\n  Check imap.auth.\n');
    expect(text).toContain('Seen at 2026-12-04T12:00:00.000Z by host:1:abcd.');
  });

  it('several items: the subject counts them', () => {
    const items = ['a', 'b'].map((id) => ({ key: id, summary: `mailbox ${id}`, details: [] }));
    expect(composeAlert(items, context).subject).toBe('applicant-triage: 2 problems need attention');
  });

  it('hostile-reason: a recorded reason with line breaks, escapes and direction overrides stays one plain line', () => {
    const reason = 'Server said: ok\r\nBcc: victim@example.org\u001b[31m\u202Eevil';
    const { text } = composeAlert([{ key: 'k', summary: 's', details: [reason] }], context);
    for (const unsafe of ['\u001b', '\u202E', '\r']) expect(text).not.toContain(unsafe);
    expect(text).not.toMatch(/^Bcc:/m);
    expect(text).toContain('  Server said: ok Bcc: victim@example.orgevil\n');
  });

  it('a very long reason is cut', () => {
    const { text } = composeAlert([{ key: 'k', summary: 's', details: ['x'.repeat(5000)] }], context);
    const line = text.split('\n').find((entry) => entry.startsWith('  x')) ?? '';
    expect(line).toHaveLength(2 + 500);
    expect(line.endsWith('…')).toBe(true);
  });
});

describe('formatDuration', () => {
  it.each([
    [45, '45 s'],
    [720, '12 min'],
    [3600, '1 h'],
    [11_100, '3 h 5 min'],
    [187_200, '2 d 4 h'],
    [172_800, '2 d'],
  ])('%i s is "%s"', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });
});
