import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where the real-world corpus is cached (`npm run corpus:collect` fills it from the manifests in test/corpus/):
 * `TRIAGE_CORPUS_DIR`, else `~/.cache/applicant-triage/corpus`. Third-party files are never committed here.
 */
export function corpusDir(): string {
  return process.env['TRIAGE_CORPUS_DIR'] ?? join(homedir(), '.cache', 'applicant-triage', 'corpus');
}

/** The cached folder of one area (`mail`, `documents`, `containers`, `scans`), or null when it is not collected. */
export function corpusArea(area: string): string | null {
  const folder = join(corpusDir(), area);
  return existsSync(folder) ? folder : null;
}
