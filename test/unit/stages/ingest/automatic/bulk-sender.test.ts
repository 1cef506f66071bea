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
    // AWS marketing sent through Marketo and relayed by a Google group (List-Id, Precedence: list): read as list mail.
    ['unstructured/email-replace-mime-encodings-error-3.eml', 'X-Marketoid: 112-TZM-766'],
  ])('%s is a bulk-mail service campaign, automatic', async (file, detail) => {
    const verdict = await classifyCorpusMail(file);
    expect(verdict).toMatchObject({ kind: 'auto-reply', rule: 'bulk-sender' });
    expect(verdict.detail).toContain(detail);
  });

  // Newsletters whose only list field is List-Unsubscribe (some with List-Help or List-Owner): read as list mail.
  it.each([
    'unspy/2023-01-16-zeitzuleben.u1.eml', // ConvertKit, From the author, Precedence: bulk
    'unspy/2023-01-03-oekoligenta.u1.eml', // fairmailing, List-Help, List-Owner, List-Unsubscribe-Post
    'spamassassin/welcomelists-ryanairmail.com.eml', // an airline's fares mailing
  ])("%s, a sender's own mailing, is automatic", async (file) => {
    const verdict = await classifyCorpusMail(file);
    expect(verdict).toMatchObject({ kind: 'auto-reply', rule: 'sender-mailing' });
  });

  // A person's post to a Majordomo list at vger (List-Id and X-Mailing-List, no List-Post) stays list mail.
  it("a person's list post that names its list stays list mail", async () => {
    const verdict = await classifyCorpusMail('notmuch/lkml-cur-1382298587.001732.eml');
    expect(verdict.kind).toBe('list');
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

  it("a marketing platform's mailing relayed by a list is automatic, not list mail", async () => {
    const verdict = await classifyRaw(
      await buildMail({
        from: 'events@cloud.example',
        subject: '[PHD-robustAI] Last chance to register',
        headers: {
          'X-MarketoID': '112-ABC-766:0:5361',
          'List-Id': '<engineering.groups.example>',
          Precedence: 'list',
        },
      }),
    );
    expect(verdict).toMatchObject({
      kind: 'auto-reply',
      rule: 'bulk-sender',
      detail: 'X-Marketoid: 112-ABC-766:0:5361',
    });
  });

  it("a gateway's longer field that mentions a campaign leaves an applicant's mail an application", async () => {
    const verdict = await classifyRaw(
      await buildMail({
        from: 'jane@uni.example',
        subject: '[PHD-robustAI] Application',
        headers: { 'X-Ms-Exchange-Organization-Campaign-Id': '0' },
      }),
    );
    expect(verdict.kind).toBe('application');
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

  it('a tagged mailing with List-Unsubscribe and no list of its own is automatic, never an application', async () => {
    const verdict = await classifyRaw(
      await buildMail({
        from: 'Dr Jane Roe <jane@newsletter.example>',
        subject: '[PHD-robustAI] My monthly letter',
        headers: { 'List-Unsubscribe': '<https://newsletter.example/u/123>', Precedence: 'bulk' },
      }),
    );
    expect(verdict).toMatchObject({ kind: 'auto-reply', rule: 'sender-mailing' });
  });

  it("a person's post an ezmlm list delivered (List-Post, no List-Id) stays list mail", async () => {
    const verdict = await classifyRaw(
      await buildMail({
        from: 'jane@uni.example',
        subject: '[PHD-robustAI] Question',
        headers: {
          'Mailing-List': 'contact phd-help@lists.example; run by ezmlm',
          'List-Post': '<mailto:phd@lists.example>',
          'List-Unsubscribe': '<mailto:phd-unsubscribe@lists.example>',
        },
      }),
    );
    expect(verdict.kind).toBe('list');
  });

  it("a person's post a LISTSERV list delivered (Sender the list, List-Unsubscribe, no List-Id) stays list mail", async () => {
    const verdict = await classifyRaw(
      await buildMail({
        from: 'Jane Roe <jane@uni.example>',
        subject: '[PHD-robustAI] Call for papers',
        headers: {
          Sender: 'Robust AI discussion <ROBUST-AI@LISTSERV.UNI.EXAMPLE>',
          'List-Help': '<https://listserv.uni.example/cgi-bin/wa?LIST=ROBUST-AI>',
          'List-Unsubscribe': '<mailto:ROBUST-AI-unsubscribe-request@LISTSERV.UNI.EXAMPLE>',
        },
      }),
    );
    expect(verdict.rule).not.toBe('sender-mailing');
    expect(['auto-reply', 'bounce']).not.toContain(verdict.kind);
  });

  it("a list's Sender that merely contains the author's address is still someone else: the post stays list mail", async () => {
    const verdict = await classifyRaw(
      await buildMail({
        from: 'jane@uni.example',
        subject: '[PHD-robustAI] Call for papers',
        headers: {
          Sender: 'robust-ai-jane@uni.example',
          'List-Unsubscribe': '<mailto:robust-ai-leave@uni.example>',
        },
      }),
    );
    expect(verdict.rule).not.toBe('sender-mailing');
  });

  it('a Sender that is the author, in another case and with a name, is no one else: her own mailing', async () => {
    const verdict = await classifyRaw(
      await buildMail({
        from: 'news@shop.example',
        subject: '[PHD-robustAI] Our offers',
        headers: {
          Sender: 'Shop News <NEWS@Shop.Example>',
          'List-Unsubscribe': '<https://shop.example/leave>',
        },
      }),
    );
    expect(verdict).toMatchObject({ kind: 'auto-reply', rule: 'sender-mailing' });
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
