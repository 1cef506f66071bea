import { mkdir, writeFile } from 'node:fs/promises';
import type { DocumentFacts } from '../documents/document-facts.ts';
import { resolveInside } from '../domain/sanitize-filename.ts';

/**
 * Writes a message's documents to `<dir>/<candidate id>/<name>-<digest>.<ext>`: the sanitised file name plus the
 * first 8 hex digits of the content's SHA-256, so re-exporting is idempotent and two different files never clash.
 * Every path is checked to stay inside `dir`.
 */
export async function exportDocuments(
  dir: string,
  candidateId: string,
  documents: readonly DocumentFacts[],
  contents: readonly Buffer[],
): Promise<void> {
  const folder = resolveInside(dir, candidateId);
  await mkdir(folder, { recursive: true });
  for (const document of documents) {
    const content = contents[document.index];
    if (content === undefined) continue;
    await writeFile(resolveInside(folder, exportName(document)), content);
  }
}

/** The exported file name of a document: `<name>-<digest>.<ext>`. */
export function exportName(document: Pick<DocumentFacts, 'safeName' | 'sha256'>): string {
  const dot = document.safeName.lastIndexOf('.');
  const digest = document.sha256.slice(0, 8);
  return dot > 0
    ? `${document.safeName.slice(0, dot)}-${digest}${document.safeName.slice(dot)}`
    : `${document.safeName}-${digest}`;
}
