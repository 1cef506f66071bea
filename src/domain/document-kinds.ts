import { z } from 'zod';

/** Document kinds an attachment can be classified as. */
export const DOCUMENT_KINDS = [
  'cv',
  'transcript',
  'research',
  'cover-letter',
  'reference',
  'certificate',
  'other',
] as const;
export const documentKindSchema = z.enum(DOCUMENT_KINDS);
export type DocumentKind = z.infer<typeof documentKindSchema>;

/** The required kinds not present among `documents`. */
export function missingKinds(
  required: readonly DocumentKind[],
  documents: readonly { kind: DocumentKind }[],
): DocumentKind[] {
  const present = new Set(documents.map((document) => document.kind));
  return required.filter((kind) => !present.has(kind));
}
