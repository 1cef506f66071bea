import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../../src/config/load-config.ts';
import { planDigestSchedules } from '../../../../src/stages/digests/plan-digest-schedules.ts';

function config(digest: Record<string, unknown>, vacancyDigest?: Record<string, unknown>) {
  const mailbox = {
    id: 'chen',
    address: 'chen@uni.example',
    imap: { host: 'h', auth: { user: 'u', pass: 'p' } },
    smtp: { host: 'h' },
    from: 'chen@uni.example',
  };
  const vacancies = [
    { id: 'robust-ai', tag: 'PHD-robustAI', title: 'A', supervisors: ['chen@uni.example'] },
    {
      id: 'med-imaging',
      tag: 'DPHIL-MedIm',
      title: 'B',
      supervisors: ['chen@uni.example', 'okafor@uni.example'],
      ...(vacancyDigest ? { digest: vacancyDigest } : {}),
    },
  ];
  return parseConfig(JSON.stringify({ mailboxes: [mailbox], vacancies, digest }), {});
}

const summary = (schedules: ReturnType<typeof planDigestSchedules>) =>
  schedules.map(({ supervisor, vacancies, pattern, timezone }) => ({
    supervisor,
    vacancies,
    pattern,
    timezone,
  }));

describe('planDigestSchedules', () => {
  it('one digest per supervisor covering all their vacancies, on the global schedule', () => {
    expect(
      summary(planDigestSchedules(config({ schedule: '0 8 * * 1-5', timezone: 'Europe/London' }))),
    ).toEqual([
      {
        supervisor: 'chen@uni.example',
        vacancies: ['robust-ai', 'med-imaging'],
        pattern: '0 8 * * 1-5',
        timezone: 'Europe/London',
      },
      {
        supervisor: 'okafor@uni.example',
        vacancies: ['med-imaging'],
        pattern: '0 8 * * 1-5',
        timezone: 'Europe/London',
      },
    ]);
  });

  it('a vacancy with its own schedule gets its own digest; a supervisor override wins field by field', () => {
    const plans = planDigestSchedules(
      config(
        {
          schedule: '0 8 * * 1-5',
          timezone: 'UTC',
          supervisors: { 'okafor@uni.example': { timezone: 'Africa/Lagos' } },
        },
        { schedule: '0 18 * * 5' },
      ),
    );
    expect(summary(plans)).toEqual([
      { supervisor: 'chen@uni.example', vacancies: ['robust-ai'], pattern: '0 8 * * 1-5', timezone: 'UTC' },
      { supervisor: 'chen@uni.example', vacancies: ['med-imaging'], pattern: '0 18 * * 5', timezone: 'UTC' },
      {
        supervisor: 'okafor@uni.example',
        vacancies: ['med-imaging'],
        pattern: '0 18 * * 5',
        timezone: 'Africa/Lagos',
      },
    ]);
  });

  it('ids are stable across processes and differ between supervisors and schedules', () => {
    const a = planDigestSchedules(config({}));
    const b = planDigestSchedules(config({}));
    expect(a.map((plan) => plan.id)).toEqual(b.map((plan) => plan.id));
    expect(new Set(a.map((plan) => plan.id)).size).toBe(a.length);
    expect(a.every((plan) => plan.id.startsWith('digest.') && !plan.id.includes(':'))).toBe(true);
  });
});
