import { describe, expect, it } from 'vitest';
import { colleaguesMatter, openCallsOf, taggedVacanciesOf } from '../../../src/config/call-kinds.ts';

const VACANCIES = [
  { id: 'robust-ai', mailbox: 'chen', tag: 'PHD-robustAI' },
  { id: 'medical-ai', mailbox: 'chen', tag: undefined },
  { id: 'federated', mailbox: 'okafor', tag: 'PHD-fed' },
];

describe('call kinds', () => {
  it('tells a mailbox open calls from its tagged vacancies', () => {
    expect(openCallsOf(VACANCIES, 'chen').map((vacancy) => vacancy.id)).toEqual(['medical-ai']);
    expect(taggedVacanciesOf(VACANCIES, 'chen').map((vacancy) => vacancy.tag)).toEqual(['PHD-robustAI']);
    expect(openCallsOf(VACANCIES, 'okafor')).toEqual([]);
  });

  it('colleagues matter for a mailbox with an open call, or with a vacancy when enquiries are answered', () => {
    const quiet = { vacancies: VACANCIES, replies: { enquiries: false } };
    const answering = { vacancies: VACANCIES, replies: { enquiries: true } };
    expect(colleaguesMatter(quiet, 'chen')).toBe(true);
    expect(colleaguesMatter(quiet, 'okafor')).toBe(false);
    expect(colleaguesMatter(answering, 'okafor')).toBe(true);
    // A mailbox with no vacancy at all: its Sent folder is never read, so its mail must never wait for it.
    expect(colleaguesMatter(answering, 'office')).toBe(false);
  });
});
