import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config/load-config.ts';
import { checkCalls } from '../../../src/cli/check-calls.ts';
import type { RegistrationLookup } from '../../../src/ports/call-ports.ts';

const config = parseConfig(
  JSON.stringify({
    mailboxes: [
      {
        id: 'chen',
        address: 'chen@uni.example',
        imap: { host: 'imap.uni.example', auth: { user: 'chen', pass: 'x' } },
        smtp: { host: 'smtp.uni.example' },
        from: 'chen@uni.example',
      },
    ],
    vacancies: [
      {
        id: 'robust-ai',
        tag: 'PHD-robustAI',
        title: 'PhD in Robust AI',
        supervisors: ['chen@uni.example'],
        registrations: { file: 'forms/robust-ai.csv' },
      },
      {
        id: 'medical-ai',
        title: 'DPhil topics',
        supervisors: ['chen@uni.example'],
        topics: ['agentic workflows for medical image analysis'],
        programmes: [
          { name: 'DPhil in Engineering Science', deadline: '2030-12-02T12:00' },
          { name: 'EPSRC CDT', deadline: '2030-01-23T12:00' },
        ],
        timezone: 'Europe/London',
      },
    ],
  }),
  {},
  'check-calls',
);

const lookup = (error: string | null): RegistrationLookup => ({
  lookup: () =>
    Promise.resolve(
      error === null ? { status: 'read', match: { registered: false } } : { status: 'error', error },
    ),
});

describe('checkCalls', () => {
  it('a readable form and an open call with one programme still open', async () => {
    expect(await checkCalls(config, lookup(null), new Date('2030-06-01T00:00:00Z'))).toEqual([
      { ok: true, name: 'form robust-ai', detail: 'forms/robust-ai.csv is readable' },
      {
        ok: true,
        name: 'vacancy medical-ai',
        detail: 'open call: 1 topic, 1 of 2 programmes open; enquirers are recorded, not answered',
      },
    ]);
  });

  it('warns of a broken form (naming its line) and of an open call whose every deadline has passed', async () => {
    const lines = await checkCalls(
      config,
      lookup('/x/forms/robust-ai.csv line 4: Invalid Closing Quote'),
      new Date('2031-01-01T00:00:00Z'),
    );
    expect(lines).toEqual([
      {
        ok: true,
        warning: true,
        name: 'form robust-ai',
        detail:
          '/x/forms/robust-ai.csv line 4: Invalid Closing Quote: candidates show "unknown" until it is fixed',
      },
      {
        ok: true,
        warning: true,
        name: 'vacancy medical-ai',
        detail:
          'open call: 1 topic, 0 of 2 programmes open; enquirers are recorded, not answered; every deadline has passed',
      },
    ]);
  });
});
