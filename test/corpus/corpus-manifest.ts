import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from 'zod';

/** One third-party file of the real-world corpus: where it came from, its licence, its label and split. */
const entrySchema = z.strictObject({
  /** Path inside the area's cache folder. */
  file: z.string().min(1),
  /** `owner/name` on GitHub. */
  repo: z.string().regex(/^[\w.-]+\/[\w.-]+$/),
  commit: z.string().regex(/^[0-9a-f]{40}$/),
  /** Path inside that repository at that commit. */
  path: z.string().min(1),
  licence: z.string().min(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  label: z.string().min(1),
  split: z.enum(['dev', 'held-out']),
  note: z.string().optional(),
  /** A word the file shows, which reading it must find (scans). */
  words: z.string().optional(),
});

export type CorpusEntry = z.infer<typeof entrySchema>;

/** Reads and checks one area's manifest (test/corpus/<area>.json). */
export function readManifest(path: string): CorpusEntry[] {
  const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
  const entries = z.array(entrySchema).parse(parsed);
  const files = new Set<string>();
  for (const entry of entries) {
    if (entry.file.split('/').includes('..')) throw new Error(`${path}: ${entry.file} leaves its area`);
    if (files.has(entry.file)) throw new Error(`${path}: ${entry.file} is listed twice`);
    files.add(entry.file);
  }
  return entries;
}

/**
 * The part a corpus file belongs to: held out when the first byte of the SHA-256 of its file name is divisible by 3
 * — decided from the name alone, before any rule was tuned, and recorded in the manifests.
 */
export function splitOf(file: string): CorpusEntry['split'] {
  return (createHash('sha256').update(file).digest()[0] ?? 0) % 3 === 0 ? 'held-out' : 'dev';
}
