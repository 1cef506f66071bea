import { describe, expect, it } from 'vitest';
import { OFFLINE_MAILBOX } from '../../support/offline-mailbox.ts';
import { parseConfig } from '../../../src/config/load-config.ts';
import { decisionLedgerKinds } from '../../../src/config/decision-schema.ts';
import { TriageError } from '../../../src/errors/triage-error.ts';

function text(decisions: Record<string, unknown> | undefined): string {
  return JSON.stringify({
    mailboxes: [OFFLINE_MAILBOX],
    vacancies: [{ id: 'robust-ai', tag: 'PHD-robustAI', title: 'PhD', supervisors: ['chen@uni.example'] }],
    ...(decisions === undefined ? {} : { decisions }),
  });
}

function problems(decisions: Record<string, unknown>): string {
  try {
    parseConfig(text(decisions), {}, 'triage.yaml');
  } catch (error) {
    if (error instanceof TriageError && error.code === 'config-invalid') return error.message;
    throw error;
  }
  throw new Error('parseConfig accepted the configuration');
}

describe('decisions configuration', () => {
  it('absent: on, with Shortlist, Interview and Declined subfolders and keywords, and no replies', () => {
    const { decisions } = parseConfig(text(undefined), {}, 'test');
    expect(decisions.enabled).toBe(true);
    expect(
      decisions.statuses.map((status) => [status.id, status.folder, status.keyword, status.reply]),
    ).toEqual([
      ['shortlisted', 'Shortlist', 'Shortlist', false],
      ['interview', 'Interview', 'Interview', false],
      ['declined', 'Declined', 'Declined', false],
    ]);
  });

  it('takes a status of its own, without a keyword, replying', () => {
    const { decisions } = parseConfig(
      text({ statuses: [{ id: 'on-hold', folder: 'On hold', reply: 'true' }] }),
      {},
      'test',
    );
    expect(decisions.statuses).toEqual([{ id: 'on-hold', folder: 'On hold', reply: true }]);
  });

  it('accepts keywords as mail clients write them ($label1, Thunderbird-style lower case)', () => {
    const statuses = [
      { id: 'shortlisted', folder: 'Shortlist', keyword: '$label1' },
      { id: 'declined', folder: 'Declined', keyword: 'declined' },
    ];
    expect(parseConfig(text({ statuses }), {}, 'test').decisions.statuses).toHaveLength(2);
  });

  it.each([
    ['Short list', 'a space'],
    ['\\Flagged', 'a system flag'],
    ['Short(list)', 'parentheses'],
    ['Shortlist]', 'a closing bracket'],
    ['Auswahl✓', 'non-ASCII'],
  ])('refuses the keyword %j (%s), naming the key', (keyword) => {
    const message = problems({ statuses: [{ id: 'shortlisted', folder: 'Shortlist', keyword }] });
    expect(message).toContain('decisions.statuses[0].keyword');
    expect(message).toContain('must be an IMAP keyword');
  });

  it.each(['Applications/Shortlist', 'Short.list', 'Short*', ''])(
    'refuses the subfolder %j, naming the key',
    (folder) => {
      const message = problems({ statuses: [{ id: 'shortlisted', folder }] });
      expect(message).toContain('decisions.statuses[0].folder');
    },
  );

  it('refuses two statuses with one folder or one keyword (in any case)', () => {
    const message = problems({
      statuses: [
        { id: 'shortlisted', folder: 'Shortlist', keyword: 'Yes' },
        { id: 'interview', folder: 'shortlist', keyword: 'yes' },
      ],
    });
    expect(message).toContain('decisions.statuses[1].folder');
    expect(message).toContain('decisions.statuses[1].keyword');
    expect(message).toContain('given to another status already');
  });

  it('refuses an empty list of statuses', () => {
    expect(problems({ statuses: [] })).toContain('decisions.statuses');
  });

  it('keeps a decision reply in the ledger once per status', () => {
    const config = parseConfig(text(undefined), {}, 'test');
    expect(decisionLedgerKinds(config)).toEqual(
      expect.arrayContaining(['acknowledgement', 'decision-shortlisted', 'decision-declined']),
    );
    expect(decisionLedgerKinds(config)).not.toContain('decision');
  });
});
