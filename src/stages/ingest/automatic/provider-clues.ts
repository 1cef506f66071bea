import { clue, type ContentClue } from './content-clue.ts';

// The From field's address, its local part holding one of `roles` as a whole word (`orders@`, `ship-confirm@`,
// `discovercard_newsflash@`, `domain.management.system@`), after a display name or none.
const roleSender = (roles: string): RegExp =>
  new RegExp(`(?:^|[\\s<"',;:(])(?:[\\w.+-]*[._-])?(?:${roles})(?:[._-][\\w.+-]*)?@`, 'i');

/**
 * A service's mail that no Auto-Submitted or Precedence marks: shipping and booking confirmations, receipts,
 * password and account notices, newsletters. A family of its own (`provider-notice`), decided like the others only
 * with an anchor — the machine's role address, a bulk-mail service's transport header, a transactional subject — and
 * never on a list's posts (see decide). The body sentences are what services print and people do not write.
 */
export const PROVIDER_CLUES: readonly ContentClue[] = [
  // Mailboxes no person writes from: what they send is a shop's, a newsletter's or a system's.
  clue(
    'provider-notice',
    'sender',
    2,
    'notification sender',
    roleSender(
      'news|newsletters?|newsflash|e-?news|notifications?|notify|alerts?|updates|mailings?|marketing|promotions?|offers|orders?|ship-confirm|auto-confirm|confirmations?|receipts?|billing|invoices?|bookings?|reservations?|digest|system',
    ),
  ),
  // Role mailboxes that people answer from too (a helpdesk's agent, a small firm's owner): evidence, never enough.
  clue(
    'provider-notice',
    'sender',
    1,
    'service role sender',
    roleSender('info|hello|service|support|customer-?service|customer-?care|team|contact|webmaster'),
  ),
  // Bulk-mail and transactional-mail services' own fields (Amazon SES, SendGrid, Mailgun, Postmark, Mandrill,
  // SparkPost, iMakeNews; X-Report-Abuse, which Mandrill and other services add): the transport, which people's mail
  // may take too.
  clue(
    'provider-notice',
    'header',
    1,
    'mail-service header',
    /^(?:x-ses-outgoing|x-sg-eid|x-mailgun-[\w-]+|x-pm-message-id|x-mc-user|x-mandrill-user|x-msys-api|x-msfbl|x-imn|x-report-abuse):/,
  ),
  // A bounce-handling domain as the envelope sender, as mailing services set it (`…@bounce.quris.net`).
  clue(
    'provider-notice',
    'header',
    1,
    'bounce-domain envelope sender',
    /^(?:return-path|errors-to): [^\n]*@bounces?[.-]/,
  ),
  clue(
    'provider-notice',
    'subject',
    2,
    'transactional subject',
    /\b(?:order|booking|reservation|payment|purchase)\s+(?:confirmation|confirmed|receipt)\b|\bconfirmation of (?:your )?(?:booking|order|reservation|payment)\b|\breceipt for (?:your )?(?:payment|order|purchase)\b|\border (?:has (?:been )?(?:shipped|dispatched|delivered)|is on its way)\b/i,
  ),
  clue(
    'provider-notice',
    'subject',
    2,
    'newsletter subject',
    /\b(?:newsletter|e-?news|newsflash|news online)\b/i,
  ),
  // Marketing's own words ("Announcing Xamarin 3", "Meet the new MacBook Pro", "40% off"): a person may write them,
  // so they only add to a sender or body that says more.
  clue(
    'provider-notice',
    'subject',
    1,
    'marketing subject',
    /^\s*(?:announcing|introducing|meet the new)\b|\b(?:now available|last chance|\d+\s?% off|free shipping|limited time offer)\b/i,
  ),
  clue(
    'provider-notice',
    'body',
    2,
    'view-in-browser line',
    /\b(?:view|read|see|display)\b[^.\n]{0,40}\b(?:e-?mail|newsletter|message|version)\b[^.\n]{0,40}\b(?:browser|web ?page|online|full-colou?r)\b|\bto view this (?:newsletter|e-?mail)\b|\bim browser (?:ansehen|anzeigen|öffnen)\b/i,
  ),
  clue(
    'provider-notice',
    'body',
    2,
    'you-are-receiving sentence',
    /\byou(?:'re| are)? receiv(?:ing|ed) this (?:e-?mail|message|newsletter|notification)\b|\byou (?:have )?received this (?:e-?mail|message) because\b|\bsie erhalten diese (?:e-?mail|nachricht|newsletter)/i,
  ),
  clue(
    'provider-notice',
    'body',
    2,
    'do-not-reply notice',
    /\b(?:please )?do not (?:reply|respond) to this (?:e-?mail|message|address|notification)\b|\b(?:this|the sending) (?:mailbox|address) is not monitored\b|\bbitte antworten sie nicht auf diese\b/i,
  ),
  clue(
    'provider-notice',
    'body',
    2,
    'automated-message notice',
    /\bthis (?:is an?|e-?mail is an?|message is an?|was an?) (?:automated|automatic|automatically generated|auto-generated|system-generated)\b|\b(?:e-?mail|message|notification) (?:was|has been|is) (?:sent|generated) automatically\b/i,
  ),
  clue(
    'provider-notice',
    'body',
    2,
    'transaction sentence',
    /\bthis (?:e-?mail|message) (?:confirms|is to confirm)\b|\bthank you for (?:your (?:order|purchase|payment|booking|reservation)|(?:booking|shopping|ordering) with|using)\b/i,
  ),
  clue(
    'provider-notice',
    'body',
    1,
    'unsubscribe line',
    /\bunsubscribe\b|\bto be removed from (?:this|our)\b|\b(?:an- und )?abmelden\b|\babbestellen\b|\bse d[ée]sabonner\b|\bd[ée]sinscri|\bafmelden\b|\buitschrijven\b/i,
  ),
  clue(
    'provider-notice',
    'body',
    1,
    'copyright footer',
    /(?:©|\(c\)|\bcopyright)\s*(?:\(c\)\s*)?(?:19|20)\d\d\b|\ball rights reserved\b/i,
  ),
  clue(
    'provider-notice',
    'body',
    1,
    'readership greeting',
    /\b(?:dear|liebe|lieber|cher|chère) (?:reader|subscriber|customer|member|leserin|leser|kundin|kunde|abonné)s?\b/i,
  ),
];
