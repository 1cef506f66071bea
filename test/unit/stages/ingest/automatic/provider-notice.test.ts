import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parseMessage } from '../../../../../src/mail/parse-message.ts';
import { weighContent } from '../../../../../src/stages/ingest/automatic/content-evidence.ts';
import { mailCorpusPresent } from '../../../../accuracy/mail/mail-corpus.ts';
import { buildMail } from '../../../../support/build-mail.ts';
import { classifyCorpusMail, classifyRaw } from '../../../../support/classify-mail.ts';

async function fixture(name: string): Promise<Buffer> {
  return readFile(new URL(`../../../../fixtures/mail/automatic/${name}`, import.meta.url));
}

/** A plain-text fixture made multipart/mixed with a PDF attached under `filename`. */
async function withPdf(name: string, filename: string): Promise<Buffer> {
  const [header = '', body = ''] = (await fixture(name)).toString('latin1').split(/\n\n(.*)/s);
  const type = /^Content-Type: .*$/m;
  return Buffer.from(
    `${header.replace(type, 'Content-Type: multipart/mixed; boundary="b"')}\n\n--b\n${type.exec(header)?.[0] ?? ''}\n\n${body}\n` +
      `--b\nContent-Type: application/pdf; name="${filename}"\nContent-Disposition: attachment; filename="${filename}"\n\n%PDF-1.4\n--b--\n`,
    'latin1',
  );
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
    // Product announcements from newsletter@ and News@ whose bodies say nothing of a mailing.
    [
      'mimekit/xamarin3.eml',
      /^provider-notice evidence 3 ≥ 3: notification sender \(\+2\), marketing subject \(\+1\)$/,
    ],
    [
      'mikel-mail/error_emails-cant_parse_from.eml',
      /^provider-notice evidence 3 ≥ 3: notification sender \(\+2\), marketing subject \(\+1\)$/,
    ],
    // easyHotel's booking confirmation with its invoice attached as a PDF.
    ['enmime/mime-bad-content-type.eml', /transactional subject \(\+2\), transaction sentence \(\+2\)$/],
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

  it("a mail service's abuse-report field counts as its transport field", async () => {
    const raw = (await fixture('newsletter-through-mail-service.eml'))
      .toString('latin1')
      .replace(
        /^X-SES-Outgoing: .*$/m,
        'X-Report-Abuse: Please forward a copy of this message to abuse@mail.example',
      );
    const verdict = await classifyRaw(Buffer.from(raw, 'latin1'));
    expect(verdict).toMatchObject({ kind: 'auto-reply', rule: 'provider-notice' });
    expect(verdict.detail).toMatch(/^provider-notice evidence 6 ≥ 3: mail-service header \(\+1\)/);
  });

  it("a newsletter's pictures attached as files do not weigh against it", async () => {
    const raw = (await withPdf('newsletter-through-mail-service.eml', 'header.png'))
      .toString('latin1')
      .replace(
        'Content-Type: application/pdf; name="header.png"',
        'Content-Type: image/png; name="header.png"',
      );
    const verdict = await classifyRaw(Buffer.from(raw, 'latin1'));
    expect(verdict).toMatchObject({ kind: 'auto-reply', rule: 'provider-notice' });
  });

  it('a product announcement from news@, tagged, is automatic by its sender and its marketing subject', async () => {
    const verdict = await classifyRaw(
      await buildMail({
        from: 'Robust Tools <news@tools.example>',
        subject: 'Introducing Robust Tools 3 [PHD-robustAI]',
        text: 'Robust Tools 3 brings certified training to every laptop.',
        attachments: [],
      }),
    );
    expect(verdict).toMatchObject({ kind: 'auto-reply', rule: 'provider-notice' });
  });

  it("an applicant's subject in marketing words leaves the application an application", async () => {
    const verdict = await classifyRaw(
      await buildMail({
        from: 'jane@uni.example',
        subject: '[PHD-robustAI] Introducing myself',
        attachments: [],
      }),
    );
    expect(verdict).toMatchObject({ kind: 'application', rule: 'tag' });
  });

  it("a person's enquiry from hello@ through a mail service, quoting a newsletter, stays theirs", async () => {
    const raw = await fixture('application-quoting-newsletter.eml');
    const { facts, text } = await parseMessage(raw, { maxAttachments: 100 });
    const evidence = weighContent(facts, text).find((entry) => entry.family === 'provider-notice');
    expect(evidence?.reasons).toEqual(['service role sender (+1)', 'mail-service header (+1)']);
    expect((await classifyRaw(raw)).kind).toBe('application');
  });

  it("a person's post a list delivered, with the list's footer, is no service notice", async () => {
    const verdict = await classifyRaw(await fixture('list-post-with-footer.eml'));
    expect(verdict).toMatchObject({ kind: 'list', rule: 'list-header' });
  });

  it("an applicant's CV weighs against a service notice: a shipping notice's words with a CV stay an application", async () => {
    const verdict = await classifyRaw(await withPdf('shipping-confirmation.eml', 'cv.pdf'));
    expect(verdict.kind).toBe('application');
  });

  it("a service's own invoice does not weigh against its notice", async () => {
    const verdict = await classifyRaw(await withPdf('shipping-confirmation.eml', 'invoice_112-4455667.pdf'));
    expect(verdict).toMatchObject({ kind: 'auto-reply', rule: 'provider-notice' });
  });
});
