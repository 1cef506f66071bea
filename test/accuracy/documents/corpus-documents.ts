import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DOCUMENT_KINDS, type DocumentKind } from '../../../src/domain/document-kinds.ts';
import { corpusDir } from '../../support/corpus-dir.ts';
import {
  readManifest as readCorpusManifest,
  splitOf,
  type CorpusEntry,
} from '../../corpus/corpus-manifest.ts';

/** Where the fetched documents are cached (never in the repository; see test/corpus/SOURCES.md). */
export const CORPUS_DIR = join(corpusDir(), 'documents');

const KINDS: ReadonlySet<string> = new Set(DOCUMENT_KINDS);

/** One labelled real document. */
export type CorpusDocument = CorpusEntry & { label: DocumentKind; sentAs: string };

/** The manifest (test/corpus/documents.json), each entry checked against the split rule and the kinds. */
export function readManifest(): CorpusDocument[] {
  const entries = readCorpusManifest(fileURLToPath(new URL('../../corpus/documents.json', import.meta.url)));
  return entries.map((entry) => {
    if (entry.split !== splitOf(entry.file)) throw new Error(`${entry.file}: split is not the hash's`);
    if (!KINDS.has(entry.label)) throw new Error(`${entry.file}: ${entry.label} is no document kind`);
    return { ...entry, label: entry.label as DocumentKind, sentAs: basename(entry.path) };
  });
}

/** Why the corpus cannot be measured here (its cache is absent or incomplete), or null when it can. */
export function corpusMissing(): string | null {
  const absent = readManifest().filter((entry) => !existsSync(join(CORPUS_DIR, entry.file)));
  if (absent.length === 0) return null;
  return `real-document corpus not cached in ${CORPUS_DIR} (${absent.length} files missing)`;
}

/** A cached document's bytes, checked against the manifest. */
export function readCorpusFile(doc: CorpusDocument): Buffer {
  const content = readFileSync(join(CORPUS_DIR, doc.file));
  const digest = createHash('sha256').update(content).digest('hex');
  if (digest !== doc.sha256) throw new Error(`${doc.file}: cached bytes differ from the manifest`);
  return content;
}

/** A document of the corpus by its file name, when the cache holds it (tests on one file skip without it). */
export function cachedCorpusDocument(file: string): CorpusDocument | undefined {
  const doc = readManifest().find((entry) => entry.file === file);
  return doc !== undefined && existsSync(join(CORPUS_DIR, doc.file)) ? doc : undefined;
}
