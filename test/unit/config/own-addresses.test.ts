import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config/load-config.ts';
import { ownAddresses } from '../../../src/config/own-addresses.ts';

function config(from: string, supervisors: string[] = ['Chen@Uni.example']) {
  const raw = {
    mailboxes: [
      {
        id: 'chen',
        address: 'PhD-Applications@Uni.example',
        imap: { host: 'imap.uni.example', auth: { user: 'chen', pass: 'pw' } },
        smtp: { host: 'smtp.uni.example' },
        from,
      },
    ],
    vacancies: [{ id: 'robust-ai', tag: 'PHD-robustAI', title: 'PhD', supervisors }],
  };
  return parseConfig(JSON.stringify(raw), {}, 'test');
}

describe('ownAddresses', () => {
  it('mailbox address, the address in "from", and every supervisor, all lower-cased', () => {
    expect(
      [
        ...ownAddresses(
          config('"Dr Chen (PhD office)" <PhD-Office@Uni.example>', [
            'Chen@Uni.example',
            'okafor@uni.example',
          ]),
        ),
      ].sort(),
    ).toEqual([
      'chen@uni.example',
      'okafor@uni.example',
      'phd-applications@uni.example',
      'phd-office@uni.example',
    ]);
  });

  it('from-display-name: the display name is not taken for an address', () => {
    const own = ownAddresses(config('"chen@evil.example" <phd-office@uni.example>'));
    expect(own.has('phd-office@uni.example')).toBe(true);
    expect(own.has('chen@evil.example')).toBe(false);
  });

  it('bare-from: a bare address in "from" is own', () => {
    expect(ownAddresses(config('Noreply-PhD@Uni.example')).has('noreply-phd@uni.example')).toBe(true);
  });

  it('same-address-everywhere: each address once', () => {
    const own = ownAddresses(
      config('"Dr Chen" <phd-applications@uni.example>', ['phd-applications@uni.example']),
    );
    expect([...own]).toEqual(['phd-applications@uni.example']);
  });

  it('several mailboxes and vacancies: all of them', () => {
    const mailbox = (id: string) => ({
      id,
      address: `${id}@uni.example`,
      imap: { host: 'imap.uni.example', auth: { user: id, pass: 'pw' } },
      smtp: { host: 'smtp.uni.example' },
      from: `"Dr ${id}" <${id}-office@uni.example>`,
    });
    const raw = {
      mailboxes: [mailbox('chen'), mailbox('okafor')],
      vacancies: [
        { id: 'a', mailbox: 'chen', tag: 'PHD-a', title: 'A', supervisors: ['lee@uni.example'] },
        { id: 'b', mailbox: 'okafor', tag: 'PHD-b', title: 'B', supervisors: ['park@uni.example'] },
      ],
    };
    expect([...ownAddresses(parseConfig(JSON.stringify(raw), {}, 'test'))].sort()).toEqual([
      'chen-office@uni.example',
      'chen@uni.example',
      'lee@uni.example',
      'okafor-office@uni.example',
      'okafor@uni.example',
      'park@uni.example',
    ]);
  });

  it('an applicant is not own', () => {
    expect(ownAddresses(config('"Dr Chen" <chen@uni.example>')).has('jane.doe@mail.example')).toBe(false);
  });
});
