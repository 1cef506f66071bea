import { describe, expect, it } from 'vitest';
import { mailCorpusPresent } from '../../../../accuracy/mail/mail-corpus.ts';
import { buildMail } from '../../../../support/build-mail.ts';
import { classifyCorpusMail, classifyRaw } from '../../../../support/classify-mail.ts';

// Development mails of the real-world corpus (test/corpus/SOURCES.md), read from the cache at test time: newsletters
// that a bulk-mail service sent, each with List-Unsubscribe (and most with List-Id), which were read as list mail.
describe.skipIf(!(await mailCorpusPresent()))('bulk senders on real mail', () => {
  it.each([
    ['unspy/2023-01-17-schreibsuchti.u1.eml', 'X-Campaign: mailchimp'], // Mailchimp, From the author himself
    ['php-mime-mail-parser/m0015.eml', 'X-Campaignid: infusion_'], // Infusionsoft
    ['unspy/2023-01-02-schoepflin.u1.eml', 'X-Rpcampaign: '], // Newsletter2Go
    ['unspy/2023-01-04-wwf.u1.eml', 'X-CSA-Complaints: csa-complaints@eco.de'], // Episerver
    ['unspy/2023-01-15-rewe.u1.eml', 'X-CSA-Complaints: csa-complaints@eco.de'], // Elaine
  ])('%s is a bulk-mail service campaign, automatic', async (file, detail) => {
    const verdict = await classifyCorpusMail(file);
    expect(verdict).toMatchObject({ kind: 'auto-reply', rule: 'bulk-sender' });
    expect(verdict.detail).toContain(detail);
  });

  // imap_tools' mail from a person's corporate mailbox carries Feedback-ID: mail services put it on people's mail too.
  it("a person's mail with Feedback-ID is not taken for a bulk sender's", async () => {
    const verdict = await classifyCorpusMail('imap-tools/attachment_inline2.eml');
    expect(verdict.rule).not.toBe('bulk-sender');
    expect(['auto-reply', 'bounce']).not.toContain(verdict.kind);
  });
});

describe('bulk senders', () => {
  it('a tagged mail with a campaign header is automatic, never an application', async () => {
    const verdict = await classifyRaw(
      await buildMail({
        from: 'news@shop.example',
        subject: '[PHD-robustAI] Our offers',
        headers: { 'X-Campaign-Id': 'spring-2026', 'List-Unsubscribe': '<https://shop.example/u>' },
      }),
    );
    expect(verdict).toMatchObject({
      kind: 'auto-reply',
      rule: 'bulk-sender',
      detail: 'X-Campaign-Id: spring-2026',
    });
  });

  it("an applicant's mail sent through a mail service (Feedback-ID, X-SES-Outgoing) is still an application", async () => {
    const verdict = await classifyRaw(
      await buildMail({
        from: 'jane@uni.example',
        subject: '[PHD-robustAI] Application',
        headers: { 'Feedback-ID': '1.eu-west-1.x:AmazonSES', 'X-SES-Outgoing': '2026.11.20-1.2.3.4' },
      }),
    );
    expect(verdict.kind).toBe('application');
  });

  it("a person's post a list delivered with one-click unsubscribe stays list mail", async () => {
    const verdict = await classifyRaw(
      await buildMail({
        from: 'jane@uni.example',
        subject: '[PHD-robustAI] Question',
        headers: {
          'List-Id': '<phd.lists.example>',
          'List-Unsubscribe': '<https://lists.example/leave>',
          'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
        },
      }),
    );
    expect(verdict.kind).toBe('list');
  });
});
