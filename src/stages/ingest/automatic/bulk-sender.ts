import { headerAddresses } from '../machine-sender.ts';
import { LIST_DELIVERY_HEADERS } from './header-rules.ts';
import { displayName, type Rule } from './verdict.ts';

// A campaign is a bulk send-out: mailing services name it in a header of their own (Mailchimp's `X-Campaign`,
// Infusionsoft's `X-campaignid`, `X-rpcampaign`, Mailjet's `X-Mailjet-Campaign`…). No mail program writes one on a
// person's mail, and a list that relays a person's post adds its List-* fields, never a campaign. One vendor word at
// most before it: a gateway's longer field that merely mentions campaigns is no mailing's.
const CAMPAIGN_HEADER = /^x-(?:[a-z]+-?)?campaign(?:-?(?:id|name))?$/;
// The Certified Senders Alliance (eco.de) has the bulk senders it certifies put this on their mailings.
const CSA_HEADER = 'x-csa-complaints';
// Marketing-automation platforms' own fields (Marketo's lead id and archive copy): only campaigns carry them.
const MARKETING_HEADERS: readonly string[] = ['x-marketoid', 'x-mktarchive'];

/**
 * Mail a bulk-mail service sent (a newsletter, a shop's or a service's mailing): a campaign header, the Certified
 * Senders Alliance's complaints header or a marketing-automation platform's field, also when a list relays it.
 * Transport markers alone (Feedback-ID, X-SES-*, X-Mailgun-*) are not enough: mail services also carry people's own
 * mail.
 */
export const bulkSender: Rule = (facts) => {
  const name =
    Object.keys(facts.headers).find((key) => CAMPAIGN_HEADER.test(key)) ??
    [CSA_HEADER, ...MARKETING_HEADERS].find((key) => facts.headers[key] !== undefined);
  if (name === undefined) return null;
  return {
    kind: 'auto-reply',
    rule: 'bulk-sender',
    detail: `${displayName(name)}: ${facts.headers[name]?.[0] ?? ''}`,
  };
};

/**
 * A sender's own mailing: List-Unsubscribe on mail that no list delivered. A list that relays a person's post names
 * itself (List-Id, RFC 2919), says where to post (List-Post), carries its server's fields, or puts its own address
 * in Sender (LISTSERV, old Majordomo); a newsletter or a shop's mailing offers only the way out.
 */
export const senderMailing: Rule = (facts) => {
  const unsubscribe = facts.headers['list-unsubscribe']?.[0];
  if (unsubscribe === undefined) return null;
  if (LIST_DELIVERY_HEADERS.some((name) => facts.headers[name] !== undefined)) return null;
  if (sentOnBehalf(facts)) return null;
  return {
    kind: 'auto-reply',
    rule: 'sender-mailing',
    detail: `List-Unsubscribe: ${unsubscribe.slice(0, 120)} without a list's List-Id or List-Post`,
  };
};

/** Whether a Sender other than the author sent the message (RFC 5322 §3.6.2): a list or an agent. */
function sentOnBehalf(facts: Parameters<Rule>[0]): boolean {
  const author = facts.from?.address.toLowerCase();
  return headerAddresses(facts, 'sender').some((sender) => sender !== author);
}
