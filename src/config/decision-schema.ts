import { z } from 'zod';
import { replyLedgerKinds } from '../domain/reply-kinds.ts';
import { bool, idSchema } from './schema-fields.ts';

/**
 * An IMAP keyword (RFC 9051 flag-keyword: an atom): printable ASCII without `(){%*"\]` or a space; a leading `\`
 * would make it a system flag.
 */
const keywordSchema = z
  .string()
  .regex(
    /^[!#$&'+,\-./0-9:;<=>?@A-Z[^_`a-z|}~]{1,64}$/,
    'must be an IMAP keyword: 1-64 printable ASCII characters without spaces, ( ) { } % * " \\ or ]',
  );

/** A subfolder name of a vacancy's folder: one level, so no hierarchy delimiter or LIST wildcard in it. */
const subfolderSchema = z
  .string()
  .trim()
  .regex(
    /^[^/.\\%*\p{Cc}]{1,64}$/u,
    'must be one folder name (1-64 characters) without "/", ".", "\\", "%", "*" or control characters',
  );

/** One status a supervisor can give in their mail client. */
const statusSchema = z.strictObject({
  /** The status recorded on the candidate, e.g. `shortlisted`. */
  id: idSchema,
  /** The subfolder of the vacancy's folder that gives it (`Applications/robust-ai/Shortlist`). */
  folder: subfolderSchema,
  /** The IMAP keyword that gives it on a filed message (as written or in lower case); none: folder only. */
  keyword: keywordSchema.optional(),
  /** Send the applicant the `decision-<id>` template once when they get this status; off by default. */
  reply: bool().default(false),
});

export type DecisionStatusConfig = z.infer<typeof statusSchema>;

/** The statuses when the config names none: folders `Shortlist`, `Interview`, `Declined`, no reply. */
export const DEFAULT_STATUSES: readonly DecisionStatusConfig[] = [
  { id: 'shortlisted', folder: 'Shortlist', keyword: 'Shortlist', reply: false },
  { id: 'interview', folder: 'Interview', keyword: 'Interview', reply: false },
  { id: 'declined', folder: 'Declined', keyword: 'Declined', reply: false },
];

/** `decisions`: statuses a supervisor gives by moving a filed message into a subfolder or setting a keyword. */
export const decisionsSchema = z
  .strictObject({
    /** Look for decisions at all (each mailbox's `reconcileSeconds`, see README). */
    enabled: bool().default(true),
    statuses: z
      .array(statusSchema)
      .min(1, 'must list at least one status')
      .default([...DEFAULT_STATUSES]),
  })
  .superRefine((decisions, context) => {
    const seen = { id: new Set<string>(), folder: new Set<string>(), keyword: new Set<string>() };
    decisions.statuses.forEach((status, index) => {
      for (const field of ['id', 'folder', 'keyword'] as const) {
        const value = status[field]?.toLowerCase();
        if (value === undefined) continue;
        if (seen[field].has(value))
          context.addIssue({
            code: 'custom',
            path: ['statuses', index, field],
            message: `"${status[field]}" is given to another status already`,
          });
        seen[field].add(value);
      }
    });
  });

export type DecisionsConfig = z.infer<typeof decisionsSchema>;

/** The reply-ledger kinds of an installation: every reply kind, a decision once per configured status. */
export function decisionLedgerKinds(config: { decisions: Pick<DecisionsConfig, 'statuses'> }): string[] {
  return replyLedgerKinds(config.decisions.statuses.map((status) => status.id));
}
