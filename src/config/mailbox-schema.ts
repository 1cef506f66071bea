import { z } from 'zod';
import { applyProviderServers, oauthSchema } from './oauth-schema.ts';
import { bool, emailSchema, idSchema, int } from './schema-fields.ts';

const authSchema = z.strictObject({ user: z.string().min(1), pass: z.string() });

const imapSchema = z.strictObject({
  host: z.string().min(1),
  port: int(1, 65535).default(993),
  secure: bool().default(true),
  /** User and password; required unless the mailbox signs in with OAuth2 (`auth`). */
  auth: authSchema.optional(),
  /** Accept self-signed certificates (test servers only). */
  allowSelfSigned: bool().default(false),
});

/** An SMTP server and how to log in to it with a password (`mailboxes[].smtp`, `alerts.smtp`). */
export const smtpSchema = z.strictObject({
  host: z.string().min(1),
  port: int(1, 65535).default(587),
  secure: bool().default(false),
  auth: authSchema.optional(),
  allowSelfSigned: bool().default(false),
});

/** One mailbox's keys, before the provider's servers are filled in and the cross-key checks. */
export const mailboxFields = z.strictObject({
  id: idSchema,
  address: emailSchema,
  /** OAuth2 (Microsoft 365, Gmail, a generic provider) instead of passwords; see `triage login`. */
  auth: oauthSchema.optional(),
  imap: imapSchema,
  smtp: smtpSchema,
  from: z.string().min(1),
  watch: z.string().min(1).default('INBOX'),
  filing: z.string().min(1).default('Applications'),
  /**
   * Where mail that nearly carries a vacancy's tag (a review item) is filed; `/` separates folder levels. Absent:
   * `<filing>/_review` (reviewFolderOf).
   */
  review: z.string().min(1).optional(),
  /** Seconds between full reconciles, whatever IDLE reports. */
  reconcileSeconds: int(5, 3600).default(60),
  /** On first start, only mail received in the last N days is triaged. */
  backfillDays: int(0, 3650).default(14),
  /** Seconds a watcher's lease lasts without renewal: how soon another process takes over from a dead one. */
  leaseSeconds: int(2, 600).default(30),
  /**
   * IMAP connections to this mailbox open at once across every daemon process, the watcher's included: below
   * the provider's per-mailbox limit, so that the owner's own mail client can still connect. At least 2 (the
   * watcher and one for the workers).
   */
  maxConnections: int(2, 50).default(8),
  /** Seconds before the first new login after the server refused one; doubles on each refusal, up to 6 hours. */
  authRetrySeconds: int(1, 6 * 3600).default(300),
  /** Other addresses that deliver into this mailbox: never answered, like the mailbox's own (and any `+detail`). */
  aliases: z.array(emailSchema).default([]),
  /**
   * The authserv-ids (RFC 8601) of the receiving servers whose Authentication-Results are believed; only their
   * DMARC/DKIM pass lets a Reply-To other than From be answered. Empty: a Reply-To other than From is never used.
   */
  trustedAuthservIds: z.array(z.string().trim().min(1).toLowerCase()).default([]),
});

/** `mailboxes[]`: the provider's servers filled in, then each mailbox needs a password or an OAuth2 `auth`. */
export const mailboxSchema = z.preprocess(
  applyProviderServers,
  mailboxFields.superRefine((mailbox, context) => {
    if (mailbox.auth === undefined && mailbox.imap.auth === undefined)
      context.addIssue({
        code: 'custom',
        path: ['imap', 'auth'],
        message: 'required (user and password), unless the mailbox has auth: { type: oauth2, ... }',
      });
    const review = mailbox.review?.replace(/\/+$/, '');
    if (review !== undefined && (review === mailbox.watch || review === mailbox.filing))
      context.addIssue({
        code: 'custom',
        path: ['review'],
        message: `must be a folder of its own, not the ${review === mailbox.watch ? 'watched' : 'filing'} folder`,
      });
    if (mailbox.auth !== undefined)
      for (const protocol of ['imap', 'smtp'] as const)
        if (mailbox[protocol].auth !== undefined)
          context.addIssue({
            code: 'custom',
            path: [protocol, 'auth'],
            message: 'not used with OAuth2: the mailbox signs in with its auth section',
          });
  }),
);
