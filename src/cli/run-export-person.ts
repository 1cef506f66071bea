import { mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../config/schema.ts';
import { TriageError } from '../errors/triage-error.ts';
import { personReport } from '../privacy/person-report.ts';
import { gatherPersonHoldings } from './gather-person-holdings.ts';
import { personAddress, withPersonStores } from './open-person-stores.ts';
import { printText } from './print-text.ts';

/**
 * `triage export-person <address> --out DIR`: everything held about a person (art. 15 GDPR) written to
 * `DIR/person.json` and `DIR/summary.txt` (owner-only: the folder 0700, the files 0600), one line per file and a
 * count of what is held. DIR must not exist or be an empty folder, so that no export is overwritten.
 */
export async function runExportPerson(
  config: Config,
  address: string,
  options: { out: string },
): Promise<void> {
  const subject = personAddress(address);
  const out = path.resolve(options.out);
  await requireNoExport(out);
  const holdings = await withPersonStores(
    config,
    (stores) => gatherPersonHoldings(config, stores, subject, new Date()),
    { readOnly: true },
  );
  const report = personReport(holdings);
  await mkdir(out, { recursive: true, mode: 0o700 });
  const files: Array<[string, string]> = [
    ['person.json', `${JSON.stringify(report.json, null, 2)}\n`],
    ['summary.txt', report.summary],
  ];
  for (const [name, content] of files) {
    const file = path.join(out, name);
    // `wx`: a file that appeared since the check above is never overwritten.
    await writeFile(file, content, { mode: 0o600, flag: 'wx' });
    printText(`wrote ${file}`);
  }
  printText(report.held);
}

async function requireNoExport(out: string): Promise<void> {
  const found = await stat(out).catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  });
  if (found === null) return;
  if (!found.isDirectory() || (await readdir(out)).length > 0)
    throw new TriageError(
      'input-invalid',
      `--out ${out} exists and is not an empty folder (a previous export is never overwritten)`,
    );
}
