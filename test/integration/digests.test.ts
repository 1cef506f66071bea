import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { simpleParser } from 'mailparser';
import { runDigestNow } from '../../src/cli/run-digest-now.ts';
import { buildMail } from '../support/build-mail.ts';
import { captureLogs } from '../support/capture-logs.ts';
import { useDaemonEnvironment, waitForMessage } from '../support/daemon-environment.ts';
import { waitFor } from '../support/wait-for.ts';

const { servers, setup, start } = useDaemonEnvironment();

const digestsTo = (address: string) =>
  servers.sink.messages.filter(
    (message) => message.to.includes(address) && /x-applicant-triage: digest/i.test(message.raw),
  );
const YEARLY = { schedule: '0 0 1 1 *', timezone: 'Europe/London' };

async function apply(mail: { append(raw: Buffer): Promise<void> }, who: string) {
  await mail.append(
    await buildMail({ messageId: `<${who}@example.org>`, from: `${who} Applicant <${who}@example.org>` }),
  );
}

describe('supervisor digests', () => {
  it('list exactly the candidates since the previous digest; a failed send is retried without skipping or repeating', async () => {
    const { config, mail, filed } = await setup('digest', { digest: YEARLY });
    await start(config);
    await apply(mail, 'ada');
    await apply(mail, 'bo');
    await waitForMessage(mail, filed, '<bo@example.org>');
    await waitForMessage(mail, filed, '<ada@example.org>');
    const logger = captureLogs().logger;

    expect(await runDigestNow(config, logger)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^sent {2}chen@uni\.example/)]),
    );
    const [first] = digestsTo('chen@uni.example');
    const firstMail = await simpleParser(first?.raw ?? '');
    expect(firstMail.text).toContain('ada@example.org');
    expect(firstMail.text).toContain('bo@example.org');
    expect(firstMail.headers.get('auto-submitted')).toBe('auto-generated');
    expect(firstMail.attachments.map((attachment) => attachment.filename)).toContain(
      'robust-ai-candidates.csv',
    );
    expect(digestsTo('okafor@uni.example')).toHaveLength(0); // nothing new in med-imaging

    await apply(mail, 'cy');
    await waitForMessage(mail, filed, '<cy@example.org>');
    // Cy's acknowledgement goes out first: the refusal below is meant for the digest.
    await waitFor('the acknowledgement to cy', () =>
      servers.sink.messages.some((message) => message.to.includes('cy@example.org')) ? true : undefined,
    );
    servers.sink.refuse(1, 451);
    await expect(runDigestNow(config, logger)).rejects.toThrow(/not accepted yet/);
    expect(digestsTo('chen@uni.example')).toHaveLength(1);

    await runDigestNow(config, logger);
    const [, second] = digestsTo('chen@uni.example');
    const secondText = (await simpleParser(second?.raw ?? '')).text ?? '';
    expect(secondText).toContain('cy@example.org');
    expect(secondText).not.toContain('ada@example.org');
    expect(secondText).not.toContain('bo@example.org');

    expect(await runDigestNow(config, logger)).toEqual(
      expect.arrayContaining([expect.stringContaining('nothing new')]),
    );
    expect(digestsTo('chen@uni.example')).toHaveLength(2);
  });

  it('two daemons on one schedule send one digest per slot, and none when nothing happened', async () => {
    const { config, mail, filed } = await setup('digest-two', {
      digest: { schedule: '*/2 * * * * *', timezone: 'UTC' },
    });
    await start(config);
    await start(config);
    await apply(mail, 'dee');
    await waitForMessage(mail, filed, '<dee@example.org>');
    await waitFor('a digest', () => (digestsTo('chen@uni.example').length > 0 ? true : undefined));
    await sleep(5000); // two more slots pass with nothing new
    expect(digestsTo('chen@uni.example')).toHaveLength(1);
    await apply(mail, 'eve');
    await waitFor('a second digest', () => (digestsTo('chen@uni.example').length > 1 ? true : undefined));
    const text = (await simpleParser(digestsTo('chen@uni.example')[1]?.raw ?? '')).text ?? '';
    expect(text).toContain('eve@example.org');
    expect(text).not.toContain('dee@example.org');
  });
});
