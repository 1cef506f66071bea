import { describe, expect, it } from 'vitest';
import { mailCorpusPresent } from '../../../../accuracy/mail/mail-corpus.ts';
import { buildMail } from '../../../../support/build-mail.ts';
import { classifyCorpusMail, classifyRaw } from '../../../../support/classify-mail.ts';

// Development mails of the real-world corpus (test/corpus/SOURCES.md), read from the cache at test time.
describe.skipIf(!(await mailCorpusPresent()))('header rules on real mail', () => {
  // mikel/mail's Subversion commit notice: From and Reply-To are the project's people, the envelope sender is the
  // web server's account that ran the commit hook.
  it('a commit notice sent by the web server account (Return-Path www-data@) is automatic', async () => {
    const verdict = await classifyCorpusMail('mikel-mail/plain_emails-raw_email_multiple_from.eml');
    expect(verdict).toMatchObject({
      kind: 'auto-reply',
      rule: 'system-sender',
      detail: 'Return-Path www-data@mangaverde.net',
    });
  });

  // SpamAssassin's Network Solutions renewal confirmation, From the unprivileged account `Nobody <nobody@…>`.
  it('an order confirmation from nobody@ is automatic', async () => {
    const verdict = await classifyCorpusMail('spamassassin/welcomelists-netsol_renewal.eml');
    expect(verdict).toMatchObject({
      kind: 'auto-reply',
      rule: 'system-sender',
      detail: 'sender nobody@internic.net',
    });
  });

  // notmuch's Request Tracker AutoReply: its envelope sender is www-data, signed by BATV (`prvs=<tag>=www-data@…`).
  it('a helpdesk auto-reply whose BATV-signed envelope sender is www-data is automatic', async () => {
    const verdict = await classifyCorpusMail(
      'notmuch/threading-ghost-root-1532672447.R3166642290392477575.len.eml',
    );
    expect(verdict.kind).toBe('auto-reply');
    expect(verdict.rule).toBe('system-sender');
    expect(verdict.detail).toMatch(/^Return-Path prvs=[0-9a-f]+=www-data@/);
  });

  // sisimai's fml notices ("You … are not member", "Loop Alert: Duplicated Message-ID"), from `<list>-admin@`.
  it.each(['sisimai/lhost-fml-02.eml', 'sisimai/lhost-fml-03.eml'])(
    "%s, fml's own notice from the list's admin address, is automatic",
    async (file) => {
      const verdict = await classifyCorpusMail(file);
      expect(verdict).toMatchObject({ kind: 'auto-reply', rule: 'list-server-notice' });
      expect(verdict.detail).toContain('neko-admin@');
      expect(verdict.detail).toMatch(/X-MLServer/i);
    },
  );

  // SpamAssassin's Mailman monthly membership reminder, from `mailman-owner@`, with Precedence: bulk.
  it("Mailman's membership reminder is automatic, not list mail", async () => {
    const verdict = await classifyCorpusMail('spamassassin/nice-mailman-reminder.eml');
    expect(verdict).toMatchObject({ kind: 'auto-reply', rule: 'list-server-notice' });
  });

  // MIME-tools' (via mime4j) AOL member's post to a Majordomo list: From is the person, Sender the list's
  // `owner-pc800@` — the relay, not the author.
  it("a person's post a Majordomo list delivered (Sender: owner-<list>@) is list mail, not a machine's", async () => {
    const verdict = await classifyCorpusMail('mime4j/mimetools-jt-0498.eml');
    expect(verdict.kind).toBe('list');
  });

  // php-imap's GitHub notification, delivered with List-Id and Precedence: list: its no-reply envelope sender is no
  // list role address, so it still marks the machine.
  it("a no-reply envelope sender still marks a machine's mail that carries list headers", async () => {
    const verdict = await classifyCorpusMail('php-imap/github-notification.eml');
    expect(verdict).toMatchObject({ kind: 'auto-reply', rule: 'system-sender' });
  });

  // notmuch's Debian bug mail: a maintainer's own text, resent by the bug tracker (X-Loop: owner@bugs.debian.org)
  // and relayed by a Mailman list.
  it("a person's mail relayed by a bug tracker and a list is list mail, not an auto-reply by its X-Loop", async () => {
    const verdict = await classifyCorpusMail('notmuch/duplicate-msg-3-1.eml');
    expect(verdict.kind).toBe('list');
  });
});

// Development mails of the fifth round whose senders named a machine beside a person's From.
describe.skipIf(!(await mailCorpusPresent()))("people's mails relayed by old lists and scripts", () => {
  // Mark Crispin's 1991 reply on ietf-822: the list put `owner-ietf-822@` in Return-Path and no List-* field; the
  // list's address is in Cc.
  it("a post a pre-RFC 2369 list delivered (Return-Path owner-<list>@, the list in Cc) is no machine's", async () => {
    const verdict = await classifyCorpusMail('mailkit/common-message-46.eml');
    expect(verdict.rule).not.toBe('system-sender');
    expect(['auto-reply', 'bounce']).not.toContain(verdict.kind);
  });

  // A Telekom employee's reply that a forwarding script resent as `Resent-From: nobody@cs.tu-berlin.de`.
  it("a person's mail a script resent (Resent-From nobody@) is still the person's", async () => {
    const verdict = await classifyCorpusMail('mime4j/mimetools-german.eml');
    expect(verdict.rule).not.toBe('system-sender');
    expect(['auto-reply', 'bounce']).not.toContain(verdict.kind);
  });
});

describe("senders beside From that relay a person's mail", () => {
  it("a tagged post whose list shows only in Return-Path owner-<list>@ and in To is the applicant's", async () => {
    const verdict = await classifyRaw(
      await buildMail({
        to: 'chen@uni.example, robust-ai@lists.uni.example',
        headers: { 'Return-Path': '<owner-robust-ai@lists.uni.example>' },
      }),
    );
    expect(verdict).toMatchObject({ kind: 'application', rule: 'tag' });
  });

  it('the same role address without its list among the recipients still marks a machine', async () => {
    const verdict = await classifyRaw(
      await buildMail({ headers: { 'Return-Path': '<owner-robust-ai@lists.uni.example>' } }),
    );
    expect(verdict).toMatchObject({ kind: 'auto-reply', rule: 'system-sender' });
  });

  it("an application a forwarding script resent (Resent-From nobody@) is still the applicant's", async () => {
    const verdict = await classifyRaw(
      await buildMail({ headers: { 'Resent-From': 'nobody@uni.example', 'Resent-To': 'chen@uni.example' } }),
    );
    expect(verdict).toMatchObject({ kind: 'application', rule: 'tag' });
  });
});

describe('list server notices and loop headers', () => {
  it("a person whose address ends in -admin is not a list server's notice without a list's headers", async () => {
    const verdict = await classifyRaw(
      await buildMail({ from: 'lab-admin@uni.example', subject: '[PHD-robustAI] Application' }),
    );
    expect(verdict.kind).toBe('application');
  });

  it("a tagged post with a list's role address as Sender and only X-BeenThere is list mail, never an application", async () => {
    const verdict = await classifyRaw(
      await buildMail({
        from: 'jane@uni.example',
        subject: '[PHD-robustAI] Application',
        headers: { Sender: 'owner-phd-list@lists.example', 'X-BeenThere': 'phd-list@lists.example' },
      }),
    );
    expect(verdict.kind).toBe('list');
  });

  it('X-Loop without List-Id still marks an auto-reply', async () => {
    const verdict = await classifyRaw(
      await buildMail({
        from: 'jane@uni.example',
        subject: '[PHD-robustAI] Application',
        headers: { 'X-Loop': 'jane@uni.example' },
      }),
    );
    expect(verdict).toMatchObject({ kind: 'auto-reply', rule: 'loop-header' });
  });
});
