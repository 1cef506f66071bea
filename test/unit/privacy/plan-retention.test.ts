import { describe, expect, it } from 'vitest';
import { OFFLINE_MAILBOX } from '../../support/offline-mailbox.ts';
import { parseConfig } from '../../../src/config/load-config.ts';
import type { Config } from '../../../src/config/schema.ts';
import {
  addPeriod,
  enquiryExpired,
  heldReferenceExpired,
  planRetention,
  retentionConfigured,
  retentionRule,
  type RetentionSubject,
} from '../../../src/privacy/plan-retention.ts';

type Raw = Record<string, unknown>;

/** A configuration through the real loader: one mailbox, these vacancies, this top-level retention. */
function config(vacancies: Raw[], retention?: Raw): Config {
  return parseConfig(
    JSON.stringify({
      mailboxes: [OFFLINE_MAILBOX],
      vacancies: vacancies.map((extra, index) => ({
        id: `v${index}`,
        tag: `PHD-v${index}`,
        title: `Vacancy ${index}`,
        supervisors: ['chen@uni.example'],
        ...extra,
      })),
      ...(retention === undefined ? {} : { retention }),
    }),
    {},
    'test',
  );
}

function candidate(
  id: string,
  vacancy: string,
  lastSeen: string,
  filedTo: string | null = 'Applications/x',
): RetentionSubject {
  return { id, vacancy, lastSeen, messages: [{ filedTo: 'Applications/x' }, { filedTo }] };
}

const at = (iso: string) => addPeriod(new Date(iso), 0, 0).toISOString();

describe('addPeriod', () => {
  it.each([
    ['2026-01-31T12:00:00.000Z', 1, 0, '2026-02-28T12:00:00.000Z'],
    ['2028-01-31T12:00:00.000Z', 1, 0, '2028-02-29T12:00:00.000Z'],
    ['2026-03-31T00:00:00.000Z', 1, 0, '2026-04-30T00:00:00.000Z'],
    ['2026-08-31T23:59:59.000Z', 6, 0, '2027-02-28T23:59:59.000Z'],
    ['2026-12-15T08:00:00.000Z', 1, 0, '2027-01-15T08:00:00.000Z'],
    ['2026-05-31T10:00:00.000Z', 12, 0, '2027-05-31T10:00:00.000Z'],
    ['2028-02-29T10:00:00.000Z', 12, 0, '2029-02-28T10:00:00.000Z'],
    ['2026-01-31T12:00:00.000Z', 1, 1, '2026-03-01T12:00:00.000Z'],
    ['2026-12-31T12:00:00.000Z', 0, 1, '2027-01-01T12:00:00.000Z'],
    ['2026-06-15T12:00:00.000Z', 0, 0, '2026-06-15T12:00:00.000Z'],
  ])('month-end: %s + %i months + %i days = %s', (from, months, days, expected) => {
    expect(addPeriod(new Date(from), months, days).toISOString()).toBe(expected);
  });

  it('an offset deadline is counted in UTC: 2026-01-31T20:00-05:00 is 1 February, so + 1 month is 1 March', () => {
    expect(addPeriod(new Date('2026-01-31T20:00:00-05:00'), 1, 0).toISOString()).toBe(
      '2026-03-01T01:00:00.000Z',
    );
  });
});

describe('retentionRule', () => {
  it('absent everywhere: kept, and the daemon does not purge', () => {
    const settings = config([{}]);
    expect(retentionRule(settings, settings.vacancies[0]!)).toBeNull();
    expect(retentionConfigured(settings)).toBe(false);
  });

  it('top-level defaults: delete after 12 months, the mail kept', () => {
    const settings = config([{}], {});
    expect(retentionRule(settings, settings.vacancies[0]!)).toEqual({
      months: 12,
      days: 0,
      action: 'delete',
      mail: { action: 'keep' },
    });
  });

  it('a vacancy overrides key by key; months or days alone replace the whole period', () => {
    const settings = config(
      [{ retention: { days: 30, action: 'anonymise' } }, { retention: { mail: 'move' } }, {}],
      { months: 6, days: 2, mail: 'delete', mailFolder: 'Applications/_expired' },
    );
    const [first, second, third] = settings.vacancies.map((vacancy) => retentionRule(settings, vacancy));
    expect(first).toEqual({ months: 0, days: 30, action: 'anonymise', mail: { action: 'delete' } });
    expect(second).toEqual({
      months: 6,
      days: 2,
      action: 'delete',
      mail: { action: 'move', folder: 'Applications/_expired' },
    });
    expect(third).toEqual({ months: 6, days: 2, action: 'delete', mail: { action: 'delete' } });
  });

  it('keep: forever exempts a vacancy; a vacancy rule alone starts from the defaults', () => {
    const exempt = config([{ retention: { keep: 'forever' } }], { months: 1 });
    expect(retentionRule(exempt, exempt.vacancies[0]!)).toBeNull();
    expect(retentionConfigured(exempt)).toBe(false);
    const alone = config([{ retention: { action: 'anonymise' } }, {}]);
    expect(retentionRule(alone, alone.vacancies[0]!)).toEqual({
      months: 12,
      days: 0,
      action: 'anonymise',
      mail: { action: 'keep' },
    });
    expect(retentionRule(alone, alone.vacancies[1]!)).toBeNull();
    expect(retentionConfigured(alone)).toBe(true);
  });
});

describe('planRetention', () => {
  const NOW = new Date('2027-03-01T00:00:00Z');

  it('deadline: every candidate of the vacancy is due at deadline + period, whatever their last message', () => {
    const settings = config([{ deadline: '2026-01-31T12:00:00Z' }, { deadline: '2026-06-30T12:00:00Z' }], {
      months: 13,
    });
    const candidates = [
      candidate('a1', 'v0', '2026-01-02T00:00:00Z'),
      candidate('a2', 'v0', '2027-02-27T00:00:00Z'),
      candidate('b1', 'v1', '2026-01-02T00:00:00Z'),
    ];
    const plan = planRetention(settings, candidates, NOW);
    expect(plan.purges).toEqual([
      {
        vacancy: 'v0',
        rule: { months: 13, days: 0, action: 'delete', mail: { action: 'keep' } },
        due: [candidates[0], candidates[1]],
      },
    ]);
    expect(plan.next).toEqual([
      { vacancy: 'v0', action: 'delete', at: at('2027-02-28T12:00:00Z'), candidates: 2 },
      { vacancy: 'v1', action: 'delete', at: at('2027-07-30T12:00:00Z'), candidates: 1 },
    ]);
  });

  it('the exact instant is due: deadline + period equal to now', () => {
    const settings = config([{ deadline: '2026-03-01T00:00:00Z' }], { months: 12 });
    const plan = planRetention(settings, [candidate('a', 'v0', '2026-02-01T00:00:00Z')], NOW);
    expect(plan.purges[0]?.due.map((entry) => entry.id)).toEqual(['a']);
  });

  it('no-deadline: each candidate is due at their own last message + period', () => {
    const settings = config([{}], { months: 1, days: 10 });
    const candidates = [
      candidate('old', 'v0', '2027-01-15T09:00:00Z'),
      candidate('recent', 'v0', '2027-01-31T09:00:00Z'),
      candidate('newest', 'v0', '2027-02-20T09:00:00Z'),
    ];
    const plan = planRetention(settings, candidates, NOW);
    expect(plan.purges.map((purge) => purge.due.map((entry) => entry.id))).toEqual([['old']]);
    // Due since 25 February (15 January + 1 month + 10 days): the next purge is now, for one candidate.
    expect(plan.next).toEqual([
      { vacancy: 'v0', action: 'delete', at: at('2027-02-25T09:00:00Z'), candidates: 1 },
    ]);
    // Without it: 31 January + 1 month = 28 February, + 10 days = 10 March.
    const later = planRetention(settings, candidates.slice(1), NOW);
    expect(later.purges).toEqual([]);
    expect(later.next).toEqual([
      { vacancy: 'v0', action: 'delete', at: at('2027-03-10T09:00:00Z'), candidates: 1 },
    ]);
  });

  it('no-deadline and no candidates: nothing to purge, listed last; a deadline vacancy shows its date with 0', () => {
    const settings = config([{}, { deadline: '2030-01-01T00:00:00Z' }], {});
    expect(planRetention(settings, [], NOW)).toEqual({
      purges: [],
      next: [
        { vacancy: 'v1', action: 'delete', at: at('2031-01-01T00:00:00Z'), candidates: 0 },
        { vacancy: 'v0', action: 'delete', at: null, candidates: 0 },
      ],
    });
  });

  it('in-flight: a candidate with a message not filed yet waits, for a day after their last message at most', () => {
    const settings = config([{ deadline: '2020-01-01T00:00:00Z' }], { months: 0 });
    const candidates = [
      candidate('filed', 'v0', '2027-02-28T23:00:00Z'),
      candidate('filing', 'v0', '2027-02-28T23:00:00Z', null),
      candidate('stuck', 'v0', '2027-02-28T00:00:00Z', null),
    ];
    const plan = planRetention(settings, candidates, NOW);
    expect(plan.purges[0]?.due.map((entry) => entry.id)).toEqual(['filed', 'stuck']);
    // All three are due as far as status and check tell.
    expect(plan.next).toEqual([
      { vacancy: 'v0', action: 'delete', at: at('2020-01-01T00:00:00Z'), candidates: 3 },
    ]);
  });

  it('exempt vacancies and candidates of vacancies no longer configured are never planned', () => {
    const settings = config(
      [
        { retention: { keep: 'forever' }, deadline: '2020-01-01T00:00:00Z' },
        { deadline: '2020-01-01T00:00:00Z' },
      ],
      { months: 0 },
    );
    const plan = planRetention(
      settings,
      [candidate('kept', 'v0', '2020-01-01T00:00:00Z'), candidate('gone', 'v9', '2020-01-01T00:00:00Z')],
      NOW,
    );
    expect(plan).toEqual({
      purges: [],
      next: [{ vacancy: 'v1', action: 'delete', at: at('2020-01-01T00:00:00Z'), candidates: 0 }],
    });
  });

  it('an enquiry expires the top-level period after it was made, and never without a top-level rule', () => {
    const rule = {
      retention: { months: 12, days: 0, action: 'delete', mail: 'keep', checkSeconds: 3600 },
    } as const;
    const now = new Date('2026-12-07T12:00:00Z');
    expect(enquiryExpired(rule, '2025-12-07T11:59:59Z', now)).toBe(true);
    expect(enquiryExpired(rule, '2025-12-07T12:00:01Z', now)).toBe(false);
    expect(enquiryExpired(rule, 'not a date', now)).toBe(false);
    expect(enquiryExpired({ retention: undefined }, '2000-01-01T00:00:00Z', now)).toBe(false);
  });

  it("a referee's held letter goes when a candidate of its vacancy would, and as an enquiry when it names none", () => {
    const settings = config(
      [{ deadline: '2026-03-01T12:00:00Z' }, { retention: { days: 30 } }, { retention: { keep: 'forever' } }],
      { months: 6 },
    );
    const now = new Date('2026-09-02T00:00:00Z');
    const held = (vacancy: string | null, receivedAt: string) =>
      heldReferenceExpired(settings, { vacancy, receivedAt }, now);
    // v0 has a deadline: six months after it, however late the letter came.
    expect(held('v0', '2026-08-30T00:00:00Z')).toBe(true);
    expect(
      heldReferenceExpired(
        settings,
        { vacancy: 'v0', receivedAt: '2026-02-01T00:00:00Z' },
        new Date('2026-08-31T00:00:00Z'),
      ),
    ).toBe(false);
    // v1 has no deadline and its own 30 days: from the letter.
    expect(held('v1', '2026-08-02T23:59:59Z')).toBe(true);
    expect(held('v1', '2026-08-04T00:00:00Z')).toBe(false);
    // v2 is kept for ever; none named (or one no longer configured): the top-level six months from the letter.
    expect(held('v2', '2000-01-01T00:00:00Z')).toBe(false);
    expect(held(null, '2026-03-01T23:59:59Z')).toBe(true);
    expect(held('gone', '2026-03-02T00:00:01Z')).toBe(false);
    expect(
      heldReferenceExpired(config([{}]), { vacancy: 'v0', receivedAt: '2000-01-01T00:00:00Z' }, now),
    ).toBe(false);
  });
});
