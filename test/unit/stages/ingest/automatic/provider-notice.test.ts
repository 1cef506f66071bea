import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parseMessage } from '../../../../../src/mail/parse-message.ts';
import { weighContent } from '../../../../../src/stages/ingest/automatic/content-evidence.ts';
import { mailCorpusPresent } from '../../../../accuracy/mail/mail-corpus.ts';
import { classifyCorpusMail, classifyRaw } from '../../../../support/classify-mail.ts';

async function fixture(name: string): Promise<Buffer> {
  return readFile(new URL(`../../../../fixtures/mail/automatic/${name}`, import.meta.url));
}

// Development mails of the real-world corpus (test/corpus/SOURCES.md), read from the cache at test time: services'
// notices and newsletters without Auto-Submitted or Precedence, which were read as untagged mail and, with a vacancy
// tag in the subject, as applications.
describe.skipIf(!(await mailCorpusPresent()))('service notices on real mail', () => {
  it.each([
    // PayPal's receipt from service@: "Please do not reply to this e-mail", "This email confirms that you have paid".
    ['spamassassin/welcomelists-paypal.com.eml', /do-not-reply notice \(\+2\).*transaction sentence \(\+2\)/],
    // Amazon's dispatch notices: a body of one line, From orders@ and ship-confirm@.
    ['spamassassin/welcomelists-amazon_co_uk_ship.eml', /notification sender \(\+2\), transactional subject/],
    ['spamassassin/welcomelists-amazon_com_ship.eml', /notification sender \(\+2\), transactional subject/],
    // register.com's password mail from domain.management.system@: "Thank you for using … Domain Manager".
    [
      'spamassassin/welcomelists-register.com_password.eml',
      /notification sender \(\+2\), transaction sentence/,
    ],
    // A newsletter From its editor's own name, sent through iMakeNews (X-IMN): "To view this newsletter in full-color".
    [
      'spamassassin/welcomelists-media_unspun.eml',
      /mail-service header \(\+1\), view-in-browser line \(\+2\)/,
    ],
    // IBM's German newsletter from info@: "Liebe Leserin, lieber Leser", "An- und Abmelden".
    ['spamassassin/welcomelists-ibm_enews_de.eml', /newsletter subject \(\+2\).*readership greeting \(\+1\)/],
  ])('%s is a service notice, automatic', async (file, evidence) => {
    const verdict = await classifyCorpusMail(file);
    expect(verdict).toMatchObject({ kind: 'auto-reply', rule: 'provider-notice' });
    expect(verdict.detail).toMatch(evidence);
  });

  // People's mails that carry the most of this evidence in the development part: a pitch relayed by a Google group
  // (sent through SES, "unsubscribe" in the group's footer) and mailauth's test mail from info@ through Mailgun.
  it.each(['unstructured/email-replace-mime-encodings-error-4.eml', 'mailauth/bimi.eml'])(
    "%s, a person's mail, is no service notice",
    async (file) => {
      const verdict = await classifyCorpusMail(file);
      expect(verdict.rule).not.toBe('provider-notice');
    },
  );
});

describe('service notices', () => {
  it('a shipping confirmation from ship-confirm@, tagged, is automatic and never an application', async () => {
    const verdict = await classifyRaw(await fixture('shipping-confirmation.eml'));
    expect(verdict).toMatchObject({ kind: 'auto-reply', rule: 'provider-notice' });
    expect(verdict.detail).toBe(
      'provider-notice evidence 4 ≥ 3: notification sender (+2), transactional subject (+2)',
    );
  });

  it("a newsletter From its author's name, sent through Amazon SES, tagged, is automatic", async () => {
    const verdict = await classifyRaw(await fixture('newsletter-through-mail-service.eml'));
    expect(verdict).toMatchObject({ kind: 'auto-reply', rule: 'provider-notice' });
    expect(verdict.detail).toMatch(
      /mail-service header \(\+1\), view-in-browser line \(\+2\), you-are-receiving sentence \(\+2\), unsubscribe line \(\+1\)/,
    );
  });

  it("a person's enquiry from hello@ through a mail service, quoting a newsletter, stays theirs", async () => {
    const raw = await fixture('enquiry-quoting-newsletter.eml');
    const { facts, text } = await parseMessage(raw, { maxAttachments: 100 });
    const evidence = weighContent(facts, text).find((entry) => entry.family === 'provider-notice');
    expect(evidence?.reasons).toEqual(['service role sender (+1)', 'mail-service header (+1)']);
    expect((await classifyRaw(raw)).kind).toBe('application');
  });

  it("a person's post a list delivered, with the list's footer, is no service notice", async () => {
    const verdict = await classifyRaw(await fixture('list-post-with-footer.eml'));
    expect(verdict).toMatchObject({ kind: 'list', rule: 'list-header' });
  });

  it("an applicant's CV weighs against a service notice: a booking confirmation's words with a PDF stay an application", async () => {
    const raw = await fixture('shipping-confirmation.eml');
    const text = raw.toString('latin1');
    const withCv = Buffer.from(
      text
        .replace('Content-Type: text/plain; charset=us-ascii', 'Content-Type: multipart/mixed; boundary="b"')
        .replace('Hello,', '--b\nContent-Type: text/plain; charset=us-ascii\n\nHello,') +
        '\n--b\nContent-Type: application/pdf; name="cv.pdf"\nContent-Disposition: attachment; filename="cv.pdf"\n\n%PDF-1.4\n--b--\n',
      'latin1',
    );
    const verdict = await classifyRaw(withCv);
    expect(verdict.kind).toBe('application');
  });
});
