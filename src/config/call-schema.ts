import { z } from 'zod';
import { deadlineInstant } from '../calls/deadline-text.ts';
import { bool, int, timezoneSchema } from './schema-fields.ts';

/** A research topic of an open call: a phrase, and shorter words for it an enquirer or a CV might use. */
const topicSchema = z.preprocess(
  (value) => (typeof value === 'string' ? { phrase: value } : value),
  z.strictObject({
    phrase: z.string().trim().min(3, 'must have at least 3 characters'),
    synonyms: z.array(z.string().trim().min(2, 'must have at least 2 characters')).default([]),
  }),
);
export type TopicConfig = z.infer<typeof topicSchema>;

/** `2025-12-02T12:00` (local time in the call's `timezone`) or with an offset, `2025-12-02T12:00:00Z`. */
const LOCAL_OR_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:\d{2})?$/;

/** A programme an applicant can apply through: its name, where, until when, and a note (e.g. on scholarships). */
const programmeSchema = z.strictObject({
  name: z.string().trim().min(2, 'must have at least 2 characters'),
  /** Other names enquirers use for it, e.g. `EPSRC CDT in Health Data Science` → `Health Data Science CDT`. */
  aliases: z.array(z.string().trim().min(2, 'must have at least 2 characters')).default([]),
  link: z.url({ protocol: /^https?$/, error: 'must be an http(s) address' }).optional(),
  deadline: z
    .string()
    .regex(
      LOCAL_OR_OFFSET,
      'must be a date and time, e.g. 2025-12-02T12:00 (in the vacancy timezone) or 2025-12-02T12:00:00Z',
    )
    .refine(isRealDate, 'is not a real date')
    .optional(),
  note: z.string().trim().min(1).optional(),
});
export type ProgrammeConfig = z.infer<typeof programmeSchema>;

/** A form applicants register on first, exported as CSV (Google Forms/Sheets, Microsoft Forms). */
const registrationsSchema = z.strictObject({
  /** The exported responses; re-read when the file changes. */
  file: z.string().min(1),
  /** The column holding the e-mail address; found by its heading ("Email Address", "E-mail"…) when not set. */
  emailColumn: z.string().trim().min(1).optional(),
  /** The column holding the name; found by its heading ("Name", "Full name"…) when not set. */
  nameColumn: z.string().trim().min(1).optional(),
  /** Where the form is, for the reminder in the acknowledgement. */
  link: z.url({ protocol: /^https?$/, error: 'must be an http(s) address' }).optional(),
});
export type RegistrationsConfig = z.infer<typeof registrationsSchema>;

/** The keys of a vacancy about calls: open calls (no tag) by topic and programme, forms, and replies' texts. */
export const callFields = {
  /** An open call's research topics: untagged enquiries are recognised by them. */
  topics: z.array(topicSchema).default([]),
  /** Programmes applicants can apply through, with their deadlines. */
  programmes: z.array(programmeSchema).default([]),
  /** The time zone deadlines without an offset are in, and in which all deadlines are shown (default UTC). */
  timezone: timezoneSchema.optional(),
  /** How that time zone is named to applicants, e.g. "UK time" (default: its abbreviation, e.g. GMT). */
  timezoneName: z.string().trim().min(1).max(40).optional(),
  /** An open call: answer each enquirer once with the call's information (off by default). */
  answerEnquiries: bool().default(false),
  /** The supervisor's own paragraph for the replies, e.g. "A lack of reply is not a reflection of…". */
  replyNote: z.string().trim().min(1).optional(),
  /** What the applicant does next, e.g. the portal link and "name me as your supervisor". */
  nextSteps: z.string().trim().min(1).optional(),
  registrations: registrationsSchema.optional(),
};

const addressOrDomain = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[^@\s]*@[^@\s]+\.[^@\s]+$/, 'must be an address (a@b.org) or a domain (@b.org)');

/** What marks a sender as a colleague rather than a prospective student (see README, "Open calls"). */
export const enquirersSchema = z.strictObject({
  /** Addresses the mailbox itself wrote to (read from its Sent folder) are colleagues. */
  excludeSent: bool().default(true),
  /** The mailbox's own organisation (its registrable domain, e.g. ox.ac.uk) is colleagues. */
  excludeOwnDomain: bool().default(true),
  /** Addresses or `@domain`s that may always be enquirers (e.g. `@students.ox.ac.uk`), over the rules above. */
  allow: z.array(addressOrDomain).default([]),
  /** Addresses or `@domain`s that are never enquirers. */
  deny: z.array(addressOrDomain).default([]),
  /** Seconds between reads of the Sent folders for new recipients. */
  sentCheckSeconds: int(30, 7 * 24 * 3600).default(900),
});
export type EnquirersConfig = z.infer<typeof enquirersSchema>;

/** An open call (no tag) needs topics or programmes; a deadline without an offset needs the vacancy's timezone. */
export function checkCall(
  vacancy: {
    tag?: string | undefined;
    topics: readonly unknown[];
    programmes: ReadonlyArray<{ deadline?: string | undefined }>;
    timezone?: string | undefined;
  },
  context: z.RefinementCtx,
): void {
  if (vacancy.tag === undefined && vacancy.topics.length === 0 && vacancy.programmes.length === 0)
    context.addIssue({
      code: 'custom',
      path: ['tag'],
      message: 'required, unless the vacancy is an open call with topics or programmes',
    });
  vacancy.programmes.forEach((programme, position) => {
    if (programme.deadline !== undefined && !HAS_OFFSET.test(programme.deadline) && !vacancy.timezone)
      context.addIssue({
        code: 'custom',
        path: ['programmes', position, 'deadline'],
        message: 'has no offset: set the vacancy timezone (e.g. Europe/London) or write one (…Z, +01:00)',
      });
  });
}

const HAS_OFFSET = /(?:Z|[+-]\d{2}:\d{2})$/;

/** A date that exists (no 30 February, which Date.parse quietly turns into 2 March). */
function isRealDate(value: string): boolean {
  try {
    deadlineInstant(value, 'UTC');
    return true;
  } catch {
    return false;
  }
}
