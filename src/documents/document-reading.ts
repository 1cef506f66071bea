import { z } from 'zod';
import { DOCUMENT_FORMATS, EXTRACTION_STATUSES, HIDDEN_TEXT_REASONS, TEXT_SOURCES } from './extraction.ts';
import { GRADING_SYSTEMS, type DocumentProfile } from '../profile/profile-types.ts';

/** A grade as stored: see GradeResult in src/profile/profile-types.ts. */
const gradeSchema = z.object({
  system: z.enum(GRADING_SYSTEMS),
  written: z.string(),
  normalised: z.number(),
  band: z.enum(['first', 'upper-second', 'lower-second', 'third', 'fail']),
});

/** What one document (or mail body) said about the applicant, as stored with the candidate. */
export const documentProfileSchema = z.object({
  name: z.string().nullable(),
  emails: z.array(z.string()),
  phones: z.array(z.string()),
  links: z.array(
    z.object({ kind: z.enum(['orcid', 'scholar', 'github', 'linkedin', 'homepage']), url: z.string() }),
  ),
  degrees: z.array(
    z.object({
      level: z.enum(['bachelor', 'master', 'doctorate', 'other']),
      title: z.string(),
      subject: z.string().nullable(),
      institution: z.string().nullable(),
      startYear: z.number().nullable(),
      endYear: z.number().nullable(),
      result: gradeSchema.nullable(),
    }),
  ),
  transcript: z.object({ overall: gradeSchema.nullable(), modulesWithMarks: z.number() }).nullable(),
  publications: z
    .object({
      count: z.number(),
      venues: z.array(z.string()),
      dois: z.array(z.string()),
      arxivIds: z.array(z.string()),
      firstAuthor: z.number(),
    })
    .nullable(),
  languageTests: z.array(
    z.object({ test: z.enum(['IELTS', 'TOEFL', 'PTE', 'Duolingo']), score: z.number(), written: z.string() }),
  ),
  keywords: z.array(z.string()),
  applicantsNamed: z.array(z.string()).optional(),
}) satisfies z.ZodType<DocumentProfile>;

/** How reading a document went (the text itself is not stored). */
export const extractionRecordSchema = z.object({
  status: z.enum(EXTRACTION_STATUSES),
  format: z.enum(DOCUMENT_FORMATS),
  reason: z.string().nullable(),
  pages: z.number().nullable(),
  truncated: z.boolean(),
  /** Characters of visible text read. */
  characters: z.number(),
  hiddenReasons: z.array(z.enum(HIDDEN_TEXT_REASONS)),
  /** The start of the hidden text (at most 200 characters), for a person to judge. */
  hiddenSample: z.string(),
  /** Absent: the text is the document's own; else it came from a scan by OCR (see TextSource). */
  textSource: z.enum(TEXT_SOURCES).optional(),
  /** Pages (or images) whose text came from `textSource`. */
  ocrPages: z.number().optional(),
});
export type ExtractionRecord = z.infer<typeof extractionRecordSchema>;

/** What was read from a document: how, its kind's evidence, and the profile it gave. */
export const documentReadingSchema = z.object({
  extraction: extractionRecordSchema,
  /** Where the kind came from: the text, the file name only, or nothing. */
  kindSource: z.enum(['content', 'filename', 'none']),
  /** Why this kind, strongest first. */
  evidence: z.array(z.string()),
  profile: documentProfileSchema.nullable(),
});
export type DocumentReading = z.infer<typeof documentReadingSchema>;
