import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { Config } from '../config/schema.ts';
import { TriageError } from '../errors/triage-error.ts';

/** Reads a file named on the command line; a missing or unreadable one is `input-invalid`, with the reason. */
export async function readInput(file: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const reason =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EACCES'
          ? 'permission denied'
          : code === 'EISDIR'
            ? 'it is a directory'
            : error instanceof Error
              ? error.message
              : String(error);
    throw new TriageError('input-invalid', `cannot read ${file}: ${reason}`, { cause: error });
  }
}

/** An unknown `--vacancy` is an argument error (exit code 2), naming the ids there are. */
export function requireVacancy(config: Pick<Config, 'vacancies'>, id: string): void {
  if (config.vacancies.some((vacancy) => vacancy.id === id)) return;
  const known = config.vacancies.map((vacancy) => vacancy.id).join(', ');
  throw new TriageError('input-invalid', `no vacancy has id "${id}" (vacancies: ${known})`);
}

/** An unknown `--mailbox` is an argument error (exit code 2), naming the ids there are. */
export function requireMailbox(config: Pick<Config, 'mailboxes'>, id: string): void {
  if (config.mailboxes.some((mailbox) => mailbox.id === id)) return;
  const known = config.mailboxes.map((mailbox) => mailbox.id).join(', ');
  throw new TriageError('input-invalid', `no mailbox has id "${id}" (mailboxes: ${known})`);
}

/** The version in the installation's package.json (beside src/ from source, beside dist/ once built). */
export function packageVersion(): string {
  for (const relative of ['../../package.json', '../../../package.json']) {
    try {
      const manifest = JSON.parse(readFileSync(new URL(relative, import.meta.url), 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (manifest.name === 'applicant-triage' && manifest.version) return manifest.version;
    } catch {
      // not this one
    }
  }
  return 'unknown';
}
