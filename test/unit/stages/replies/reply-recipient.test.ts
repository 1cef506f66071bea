import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parseMessage } from '../../../../src/mail/parse-message.ts';
import { chooseReplyRecipient } from '../../../../src/stages/replies/reply-recipient.ts';
import { buildMail } from '../../../support/build-mail.ts';

const TRUSTED = ['mx.uni.example'];

async function decide(fixture: string | Buffer, trusted: readonly string[] = TRUSTED) {
  const raw =
    typeof fixture === 'string'
      ? await readFile(new URL(`../../../fixtures/mail/${fixture}`, import.meta.url))
      : fixture;
  const { facts } = await parseMessage(raw, { maxAttachments: 100 });
  return chooseReplyRecipient(facts, trusted);
}

describe('chooseReplyRecipient', () => {
  it('application-reply-to: a Reply-To on another domain without trusted results → From', async () => {
    const decision = await decide('application-reply-to.eml');
    expect(decision.address?.address).toBe('j.doe@lab.example');
    expect(decision.rule).toBe('reply-to-ignored');
    expect(decision.detail).toMatch(/no Authentication-Results from a trusted server/);
  });

  it('application-reply-to-authenticated: trusted dmarc=pass and the same organisation → Reply-To', async () => {
    const decision = await decide('application-reply-to-authenticated.eml');
    expect(decision.address?.address).toBe('jane.doe@mail.lab.example');
    expect(decision.rule).toBe('reply-to-authenticated');
    expect(decision.detail).toContain('mx.uni.example: dmarc=pass header.from=lab.example');
  });

  it('application-reply-to-authenticated with no trusted authserv-id configured → From', async () => {
    const decision = await decide('application-reply-to-authenticated.eml', []);
    expect(decision.address?.address).toBe('j.doe@lab.example');
    expect(decision.rule).toBe('reply-to-ignored');
  });

  it('application-reply-to-foreign-results: dmarc=pass from an untrusted authserv-id → From', async () => {
    const decision = await decide('application-reply-to-foreign-results.eml');
    expect(decision.address?.address).toBe('j.doe@lab.example');
    expect(decision.detail).toMatch(/no Authentication-Results from a trusted server/);
  });

  it('application-reply-to-other-organisation: trusted dmarc=pass but a third-party Reply-To → From', async () => {
    const decision = await decide('application-reply-to-other-organisation.eml');
    expect(decision.address?.address).toBe('j.doe@lab.example');
    expect(decision.detail).toMatch(/victim\.example is not the organisation of From, lab\.example/);
  });

  it('dkim-aligned: a trusted dkim=pass aligned with From is enough; dmarc=fail with no aligned dkim is not', async () => {
    const mail = (results: string) =>
      buildMail({
        from: 'Jane <jane@lab.example>',
        headers: { 'Reply-To': 'jane@office.lab.example', 'Authentication-Results': results },
      });
    const aligned = await decide(await mail('mx.uni.example; dkim=pass header.d=mail.lab.example'));
    expect(aligned.address?.address).toBe('jane@office.lab.example');
    const failed = await decide(await mail('mx.uni.example; dmarc=fail header.from=lab.example; dkim=fail'));
    expect(failed.address?.address).toBe('jane@lab.example');
    expect(failed.detail).toMatch(/not authenticated \(mx\.uni\.example: dmarc=fail/);
  });

  it('same-address: a Reply-To equal to From is used; no Reply-To → From', async () => {
    const same = await decide(await buildMail({ headers: { 'Reply-To': 'Jane.Doe@example.org' } }));
    expect(same).toMatchObject({ rule: 'reply-to-same', address: { address: 'jane.doe@example.org' } });
    expect((await decide(await buildMail())).rule).toBe('from');
  });
});
