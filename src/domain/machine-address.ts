/** What kind of machine an address's local part names: a bounce sender, or another system account. */
export type MachineKind = 'bounce' | 'system';

// Compared with case, `+detail` and the separators `-`, `_`, `.` removed: `MAILER-DAEMON`, `mailer_daemon`,
// `mailer.daemon`, `post_master`, `no_reply` and `Do-Not-Reply+x` are all the same machine.
const BOUNCE_NAMES: ReadonlySet<string> = new Set(['mailerdaemon', 'postmaster']);
// `wwwdata`, `wwwrun`, `apache`, `nginx`, `httpd`: the accounts web servers run as (Debian, SUSE, Red Hat), and
// `nobody`, the unprivileged account they and scripts run as elsewhere: mail they send is a web application's or a
// script's (a commit notice, a helpdesk's reply, an order confirmation), never a person's own.
const SYSTEM_NAMES: ReadonlySet<string> = new Set([
  'abuse',
  'root',
  'listserv',
  'majordomo',
  'wwwdata',
  'wwwrun',
  'apache',
  'nginx',
  'httpd',
  'nobody',
]);
const SYSTEM_PREFIXES: readonly string[] = ['noreply', 'donotreply'];
// Affixes that need their separator to mean anything (`owner-list`, `list-request`, `bounces-123`; not
// `ownerton`, `xrequest`, `bouncer.lab`).
// A no-reply word after a separator names the machine too (`gmail-noreply`, `alerts.no-reply`, `x_donotreply`).
const SYSTEM_AFFIXES: readonly RegExp[] = [
  /^owner[-_.]/,
  /[-_.]request$/,
  /^bounces?(?:[-_.]|$)/,
  /[-_.](?:no[-_.]?reply|do[-_.]?not[-_.]?reply)(?:[-_.]|$)/,
];

// BATV (Bounce Address Tag Validation) signs an envelope sender as `prvs=<tag>=<local>`: the local part is after it.
const BATV_PREFIX = /^(?:prvs|btv1|msprvs\d*)=[^=@]*=/;

/** The local part of an address, lower-cased, without its `+detail` or a BATV signature (`prvs=…=`). */
export function baseLocalPart(address: string): string {
  const at = address.lastIndexOf('@');
  const local = (at < 0 ? address : address.slice(0, at)).trim().toLowerCase().replace(BATV_PREFIX, '');
  const plus = local.indexOf('+');
  return plus < 0 ? local : local.slice(0, plus);
}

/** The address without its `+detail`, lower-cased: `Chen+PhD@Uni.example` → `chen@uni.example`. */
export function baseAddress(address: string): string {
  const at = address.lastIndexOf('@');
  if (at < 0) return address.trim().toLowerCase();
  return `${baseLocalPart(address)}@${address
    .slice(at + 1)
    .trim()
    .toLowerCase()}`;
}

/**
 * Whether an address belongs to a machine rather than a person (RFC 3834 and helpdesk practice): `bounce` for
 * mailer-daemon and postmaster in any spelling, `system` for abuse, root, web-server accounts, list servers, no-reply and
 * do-not-reply, nobody, bounce*, owner-* and *-request; else null. The one definition used to classify senders and to
 * refuse recipients. Pure.
 */
export function machineAddress(address: string): MachineKind | null {
  const local = baseLocalPart(address);
  const squeezed = local.replace(/[-_.]/g, '');
  if (BOUNCE_NAMES.has(squeezed)) return 'bounce';
  if (SYSTEM_NAMES.has(squeezed)) return 'system';
  if (SYSTEM_PREFIXES.some((prefix) => squeezed.startsWith(prefix))) return 'system';
  return SYSTEM_AFFIXES.some((pattern) => pattern.test(local)) ? 'system' : null;
}

// A list server's role addresses, as lists put them in Sender and the envelope sender of the posts they deliver:
// Majordomo's `owner-<list>`, `<list>-request`, Mailman's `<list>-bounces` and `<list>-owner`, LISTSERV.
const LIST_ROLE: readonly RegExp[] = [
  /^owner[-_.]/,
  /[-_.](?:request|owner|bounces?)$/,
  /^bounces?(?:[-_.]|$)/,
];
const LIST_SERVER_NAMES: ReadonlySet<string> = new Set(['listserv', 'majordomo']);

/** Whether an address is a mailing list's role address (owner, request, bounces) or a list server's. Pure. */
export function listRoleAddress(address: string): boolean {
  const local = baseLocalPart(address);
  return (
    LIST_SERVER_NAMES.has(local.replace(/[-_.]/g, '')) || LIST_ROLE.some((pattern) => pattern.test(local))
  );
}
