import { describe, expect, it } from 'vitest';
import { bodyProfile } from '../../../src/stages/ingest/body-profile.ts';
import { ownText } from '../../../src/mail/own-text.ts';

const ALL = { limit: 10_000, stopAtSignature: false };

describe('ownText', () => {
  it('drops > quoted lines', () => {
    expect(ownText('My CV is attached.\n> Thank you for applying to Medical Imaging\nBest, Jane', ALL)).toBe(
      'My CV is attached.\nBest, Jane',
    );
  });

  it('stops at the quote introduction, in several languages', () => {
    for (const intro of [
      'On Mon, 2 Nov 2026 at 10:00, Dr Chen <chen@uni.example> wrote:',
      'Am 02.11.2026 um 10:00 schrieb Dr Chen:',
      'Le lun. 2 nov. 2026, Dr Chen a écrit :',
      '-----Original Message-----',
    ]) {
      expect(ownText(`Here is my transcript.\n\n${intro}\nWe received: CV (medical imaging)`, ALL)).toBe(
        'Here is my transcript.\n',
      );
    }
  });

  it('keeps or drops the signature as asked, and keeps at most `limit` characters', () => {
    const text = 'Dear Dr Chen,\nI apply.\n-- \nJane Doe, github.com/janedoe';
    expect(ownText(text, ALL)).toBe(text);
    expect(ownText(text, { ...ALL, stopAtSignature: true })).toBe('Dear Dr Chen,\nI apply.');
    expect(ownText(text, { limit: 4, stopAtSignature: false })).toBe('Dear');
  });

  it('keeps a text without quotes as it is', () => {
    expect(ownText('Dear Dr Chen,\nI write about wrote: nothing', ALL)).toBe(
      'Dear Dr Chen,\nI write about wrote: nothing',
    );
  });
});

describe('bodyProfile', () => {
  it('reads the signature but not the quoted acknowledgement', () => {
    const profile = bodyProfile(
      'Here is my transcript.\n-- \nJane Doe\nhttps://github.com/janedoe\n\n' +
        'On Mon, 2 Nov 2026, Dr Chen wrote:\n> PhD in Robust AI for medical imaging',
      ['medical imaging'],
      'Jane Doe',
    );
    expect(profile?.links).toEqual([{ kind: 'github', url: 'https://github.com/janedoe' }]);
    expect(profile?.keywords).toEqual([]);
  });

  it('is null for an empty or quote-only body', () => {
    expect(bodyProfile('> quoted only\n', [], '')).toBeNull();
  });
});
