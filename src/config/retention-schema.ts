import { z } from 'zod';
import { int } from './schema-fields.ts';

// The keys a retention rule has, top-level and per vacancy (where each is optional and overrides the top level).
const months = int(0, 1200);
const days = int(0, 36_500);
const action = z.enum(['delete', 'anonymise']);
const mail = z.enum(['keep', 'delete', 'move']);
const mailFolder = z.string().trim().min(1);

const MOVE_NEEDS_FOLDER = 'required when mail is move (a folder path with "/", e.g. Applications/_expired)';

/**
 * `retention`: how long candidate data is kept after a vacancy's deadline (after a candidate's last message for a
 * vacancy without one), what happens then, and how often the daemon looks. Absent: candidate data is kept.
 */
export const retentionSchema = z
  .strictObject({
    /** Calendar months (counted in UTC; the 31st plus one month is the last day of the next month). */
    months: months.default(12),
    /** Days added after the months. */
    days: days.default(0),
    /** delete: everything goes; anonymise: the vacancy's statistics keep the counts, nothing identifying stays. */
    action: action.default('delete'),
    /** The candidates' filed messages: keep (the mailbox owner's), delete, or move to `mailFolder`. */
    mail: mail.default('keep'),
    mailFolder: mailFolder.optional(),
    /** Seconds between the daemon's looks for data that is due (one process purges at a time). */
    checkSeconds: int(1, 7 * 24 * 3600).default(3600),
  })
  .superRefine((retention, context) => {
    if (retention.mail === 'move' && retention.mailFolder === undefined)
      context.addIssue({ code: 'custom', path: ['mailFolder'], message: MOVE_NEEDS_FOLDER });
  });

/**
 * `vacancies[].retention`: this vacancy's own rule. `months`/`days` given replace the whole period (the other one
 * counts as 0); `action`, `mail` and `mailFolder` replace the top-level key each; `keep: forever` exempts it.
 */
export const vacancyRetentionSchema = z
  .strictObject({
    keep: z.literal('forever', { error: 'must be forever (or leave it out)' }).optional(),
    months: months.optional(),
    days: days.optional(),
    action: action.optional(),
    mail: mail.optional(),
    mailFolder: mailFolder.optional(),
  })
  .superRefine((retention, context) => {
    if (retention.keep === undefined) return;
    for (const key of Object.keys(retention))
      if (key !== 'keep')
        context.addIssue({ code: 'custom', path: [key], message: 'not used with keep: forever' });
  });

export type RetentionConfig = z.infer<typeof retentionSchema>;
export type VacancyRetentionConfig = z.infer<typeof vacancyRetentionSchema>;

/** The top-level settings a vacancy's own rule starts from when `retention` is absent. */
export const retentionDefaults: RetentionConfig = retentionSchema.parse({});

/**
 * The check only the whole configuration can make: a vacancy whose rule moves mail needs a `mailFolder`, its own
 * or the top-level one.
 */
export function checkVacancyRetention(
  config: {
    retention?: RetentionConfig | undefined;
    vacancies: ReadonlyArray<{ retention?: VacancyRetentionConfig | undefined }>;
  },
  context: z.RefinementCtx,
): void {
  config.vacancies.forEach((vacancy, index) => {
    const own = vacancy.retention;
    if (own?.mail === 'move' && own.mailFolder === undefined && config.retention?.mailFolder === undefined)
      context.addIssue({
        code: 'custom',
        path: ['vacancies', index, 'retention', 'mailFolder'],
        message: MOVE_NEEDS_FOLDER,
      });
  });
}
