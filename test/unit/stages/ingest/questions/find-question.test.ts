import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parseMessage } from '../../../../../src/mail/parse-message.ts';
import { findQuestion } from '../../../../../src/stages/ingest/questions/find-question.ts';

async function question(fixture: string) {
  const raw = await readFile(new URL(`../../../../fixtures/mail/questions/${fixture}`, import.meta.url));
  const parsed = await parseMessage(raw, { maxAttachments: 100 });
  return findQuestion(parsed.text);
}

describe('findQuestion on follow-ups', () => {
  it('en-april-start: the question is found, and the quoted acknowledgement is not read', async () => {
    expect(await question('en-april-start.eml')).toEqual({
      phrases: ['Would an April start be possible?'],
      firstLines:
        'thank you for confirming receipt of my application. Would an April start be possible? My master thesis defence is in March.',
    });
  });

  it('en-could-you-let-me-know: a request without a question mark asks too', async () => {
    const found = await question('en-could-you-let-me-know.eml');
    expect(found?.phrases).toEqual([
      'could you let me know whether an IELTS certificate from 2024 is still accepted for the application.',
    ]);
  });

  it('de-koennten-sie: "Könnten Sie mir sagen …" asks, in German', async () => {
    const found = await question('de-koennten-sie.eml');
    expect(found?.phrases[0]).toMatch(/^könnten Sie mir sagen, bis wann/);
    expect(found?.firstLines).not.toContain('Sehr geehrte');
  });

  it('es-seria-posible: "¿Sería posible …?" asks, in Spanish', async () => {
    const found = await question('es-seria-posible.eml');
    expect(found?.phrases).toEqual(['¿Sería posible hacer la entrevista por videollamada?']);
  });

  it('en-thank-you: a thank-you note with courtesies asks nothing', async () => {
    expect(await question('en-thank-you.eml')).toBeNull();
  });

  it('en-find-attached-without-attachment: "please find attached" is not a question', async () => {
    expect(await question('en-find-attached-without-attachment.eml')).toBeNull();
  });
});

describe('findQuestion on short texts', () => {
  it.each([
    ['Pourriez-vous me dire si le poste est toujours ouvert.', 'fr'],
    ['Sarebbe possibile iniziare a marzo.', 'it'],
    ['Gostaria de saber se a bolsa cobre as propinas.', 'pt'],
    ['请问这个职位还在招生吗', 'zh'],
    ['I was wondering whether part-time study is possible.', 'en'],
  ])('%s (%s) asks', (text) => {
    expect(findQuestion(`Dear Dr Chen,\n\n${text}\n\nBest,\nA`)).not.toBeNull();
  });

  it.each([
    'Thank you for your reply!',
    'Please do not hesitate to contact me should you need anything else.',
    'How are you? I hope this email finds you well. I attach my CV.',
    'I look forward to hearing from you.',
  ])('%s asks nothing', (text) => {
    expect(findQuestion(`Dear Dr Chen,\n\n${text}\n\nBest,\nA`)).toBeNull();
  });

  it('a hostile body is read only to its start and each phrase is one line', () => {
    const found = findQuestion(`${'Could you confirm this?\r\n'.repeat(5)}${'x'.repeat(100_000)}`);
    expect(found?.phrases).toHaveLength(3);
    expect(found?.phrases.every((phrase) => !/[\r\n]/.test(phrase))).toBe(true);
    expect(found?.firstLines.length).toBeLessThanOrEqual(200);
  });
});
