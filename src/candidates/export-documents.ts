import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { SpooledContent, type AttachmentBytes } from '../documents/attachment-bytes.ts';
import type { DocumentFacts } from '../documents/document-facts.ts';
import { NAME_MAX_BYTES, resolveInside, sanitizeFilename } from '../domain/sanitize-filename.ts';

/**
 * Writes a message's documents to `<dir>/<candidate id>/<name>-<digest>.<ext>`: the sanitised file name plus the
 * first 8 hex digits of the content's SHA-256, so re-exporting is idempotent and two different files never clash.
 * Every path is checked to stay inside `dir`. Folders are owner-only (0700) and files owner-read/write (0600):
 * they are applicants' personal documents.
 */
export async function exportDocuments(
  dir: string,
  candidateId: string,
  documents: readonly DocumentFacts[],
  contents: readonly AttachmentBytes[],
): Promise<void> {
  const folder = resolveInside(dir, candidateId);
  await mkdir(folder, { recursive: true, mode: 0o700 });
  for (const document of documents) {
    const content = contents[document.index];
    if (content === undefined) continue;
    const path = resolveInside(folder, exportName(document));
    if (content instanceof SpooledContent) await copyFile(content.path, path);
    else await writeFile(path, content, { mode: 0o600 });
  }
}

// `-` and the first 8 hex digits of the content's SHA-256.
const DIGEST_SUFFIX_BYTES = 9;

/**
 * The exported file name of a document, `<name>-<digest>.<ext>`, at most NAME_MAX_BYTES: the name is cut to leave
 * room for the digest before the digest goes in, so two different contents never export to one file.
 */
export function exportName(document: Pick<DocumentFacts, 'safeName' | 'sha256'>): string {
  const name = sanitizeFilename(document.safeName, 'attachment', NAME_MAX_BYTES - DIGEST_SUFFIX_BYTES);
  const dot = name.lastIndexOf('.');
  const digest = document.sha256.slice(0, 8);
  return dot > 0 ? `${name.slice(0, dot)}-${digest}${name.slice(dot)}` : `${name}-${digest}`;
}
