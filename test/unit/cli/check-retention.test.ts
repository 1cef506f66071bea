import { describe, expect, it } from 'vitest';
import { OFFLINE_MAILBOX } from '../../support/offline-mailbox.ts';
import { retentionLine } from '../../../src/cli/check-retention.ts';
import { formatStatus } from '../../../src/cli/format-status.ts';
import { parseConfig } from '../../../src/config/load-config.ts';
import type { Config } from '../../../src/config/schema.ts';
import type { DaemonStatus } from '../../../src/status/daemon-status.ts';

const NOW = new Date('2027-03-01T00:00:00Z');

function config(retention?: object, vacancyRetention: Array<object | undefined> = []): Config {
  return parseConfig(
    JSON.stringify({
      mailboxes: [OFFLINE_MAILBOX],
      vacancies: ['robust-ai', 'med-imaging', 'stats'].map((id, index) => ({
        id,
        tag: `PHD-${id}`,
        title: id,
        supervisors: ['chen@uni.example'],
        ...(vacancyRetention[index] === undefined ? {} : { retention: vacancyRetention[index] }),
      })),
      ...(retention === undefined ? {} : { retention }),
    }),
    {},
    'test',
  );
}

describe('retentionLine', () => {
  it('not configured: a warning, data is kept', () => {
    expect(retentionLine(config(), [], NOW)).toEqual({
      ok: true,
      warning: true,
      name: 'retention',
      detail: 'not configured: candidate data is kept until someone erases it (set retention, see README)',
    });
  });

  it('rules grouped with their vacancies, then the first purge that erases someone', () => {
    const settings = config({ months: 12, mail: 'move', mailFolder: 'Applications/_expired' }, [
      undefined,
      { days: 30, action: 'anonymise', mail: 'delete' },
      { keep: 'forever' },
    ]);
    const line = retentionLine(
      settings,
      [
        { vacancy: 'robust-ai', action: 'delete', at: '2027-02-01T00:00:00.000Z', candidates: 0 },
        { vacancy: 'med-imaging', action: 'anonymise', at: '2027-04-01T00:00:00.000Z', candidates: 2 },
      ],
      NOW,
    );
    expect(line).toEqual({
      ok: true,
      name: 'retention',
      detail:
        'delete 12 months after the deadline (or last message), mail moved to Applications/_expired: robust-ai; ' +
        'anonymise 30 days after the deadline (or last message), mail deleted: med-imaging; kept: stats; ' +
        'next purge 2027-04-01T00:00:00.000Z (med-imaging, 2 candidates)',
    });
  });

  it('due now, nothing yet, or unknown when Redis cannot be read', () => {
    const settings = config({ months: 0 });
    const rule =
      'delete 0 days after the deadline (or last message), mail kept: robust-ai, med-imaging, stats';
    const due = [
      { vacancy: 'stats', action: 'delete', at: '2027-01-01T00:00:00.000Z', candidates: 1 },
    ] as const;
    expect(retentionLine(settings, due, NOW).detail).toBe(`${rule}; next purge due now (stats, 1 candidate)`);
    const empty = [{ vacancy: 'stats', action: 'delete', at: null, candidates: 0 }] as const;
    expect(retentionLine(settings, empty, NOW).detail).toBe(`${rule}; nothing to purge yet`);
    expect(retentionLine(settings, 'cannot reach Redis', NOW).detail).toBe(
      `${rule}; next purge unknown (cannot reach Redis)`,
    );
  });
});

describe('formatStatus: next purges', () => {
  const status: DaemonStatus = {
    at: '2027-03-01T00:00:00.000Z',
    mailboxes: [],
    queues: [],
    deadLetters: 0,
    unconfirmedReplies: 0,
    digests: [],
    nextPurges: [
      { vacancy: 'robust-ai', action: 'delete', at: '2027-02-01T00:00:00.000Z', candidates: 3 },
      { vacancy: 'med-imaging', action: 'anonymise', at: '2027-04-01T00:00:00.000Z', candidates: 12 },
      { vacancy: 'stats', action: 'delete', at: null, candidates: 0 },
    ],
    problems: [],
  };

  it('one row per vacancy, a date already past as due now', () => {
    expect(formatStatus(status)).toContain(
      [
        'Next purges',
        '  vacancy      action     when                                      candidates',
        '  robust-ai    delete     due now (since 2027-02-01T00:00:00.000Z)           3',
        '  med-imaging  anonymise  2027-04-01T00:00:00.000Z                          12',
        '  stats        delete     -                                                  0',
      ].join('\n'),
    );
  });

  it('not configured: says the data is kept', () => {
    expect(formatStatus({ ...status, nextPurges: null })).toContain(
      '\nRetention: not configured (candidate data is kept)\n',
    );
  });
});
