import { describe, expect, it } from 'vitest';
import { OFFLINE_MAILBOX } from '../../support/offline-mailbox.ts';
import { parseConfig } from '../../../src/config/load-config.ts';
import { TriageError } from '../../../src/errors/triage-error.ts';

type Raw = Record<string, unknown>;

function text(retention: Raw | undefined, vacancy: Raw = {}): string {
  return JSON.stringify({
    mailboxes: [OFFLINE_MAILBOX],
    vacancies: [
      { id: 'robust-ai', tag: 'PHD-robustAI', title: 'PhD', supervisors: ['chen@uni.example'], ...vacancy },
    ],
    ...(retention === undefined ? {} : { retention }),
  });
}

function problems(retention: Raw | undefined, vacancy: Raw = {}): string {
  try {
    parseConfig(text(retention, vacancy), {}, 'triage.yaml');
  } catch (error) {
    if (error instanceof TriageError && error.code === 'config-invalid') return error.message;
    throw error;
  }
  throw new Error('parseConfig accepted the configuration');
}

describe('retention configuration', () => {
  it('absent: no retention (candidate data is kept)', () => {
    expect(parseConfig(text(undefined), {}, 'test').retention).toBeUndefined();
  });

  it('defaults: 12 months, delete, mail kept, a look every hour', () => {
    expect(parseConfig(text({}), {}, 'test').retention).toEqual({
      months: 12,
      days: 0,
      action: 'delete',
      mail: 'keep',
      checkSeconds: 3600,
    });
  });

  it('numbers from environment variables are numbers', () => {
    const config = parseConfig(
      text({ months: '${MONTHS}', checkSeconds: '${CHECK}' }),
      { MONTHS: '6', CHECK: '5' },
      'test',
    );
    expect(config.retention).toMatchObject({ months: 6, checkSeconds: 5 });
  });

  it('errors name the key', () => {
    expect(problems({ months: -1, action: 'shred', mail: 'archive', checkSeconds: 0 })).toBe(
      'triage.yaml: retention.months: Too small: expected number to be >=0; ' +
        'retention.action: Invalid option: expected one of "delete"|"anonymise"; ' +
        'retention.mail: Invalid option: expected one of "keep"|"delete"|"move"; ' +
        'retention.checkSeconds: Too small: expected number to be >=1',
    );
    expect(problems({ month: 6 })).toBe('triage.yaml: retention.month: unknown key');
  });

  it('move-needs-folder: mail: move without mailFolder, top-level or in a vacancy', () => {
    const needed = 'required when mail is move (a folder path with "/", e.g. Applications/_expired)';
    expect(problems({ mail: 'move' })).toBe(`triage.yaml: retention.mailFolder: ${needed}`);
    expect(problems(undefined, { retention: { mail: 'move' } })).toBe(
      `triage.yaml: vacancies[0].retention.mailFolder: ${needed}`,
    );
    // The vacancy's move takes the top-level folder.
    const config = parseConfig(
      text({ mailFolder: 'Applications/_expired' }, { retention: { mail: 'move' } }),
      {},
      'test',
    );
    expect(config.vacancies[0]?.retention).toEqual({ mail: 'move' });
  });

  it('keep: forever exempts a vacancy and takes no other key', () => {
    expect(
      parseConfig(text({}, { retention: { keep: 'forever' } }), {}, 'test').vacancies[0]?.retention,
    ).toEqual({ keep: 'forever' });
    expect(problems({}, { retention: { keep: 'forever', months: 3 } })).toBe(
      'triage.yaml: vacancies[0].retention.months: not used with keep: forever',
    );
    expect(problems({}, { retention: { keep: 'always' } })).toBe(
      'triage.yaml: vacancies[0].retention.keep: must be forever (or leave it out)',
    );
    expect(problems({}, { retention: { checkSeconds: 5 } })).toBe(
      'triage.yaml: vacancies[0].retention.checkSeconds: unknown key',
    );
  });
});
