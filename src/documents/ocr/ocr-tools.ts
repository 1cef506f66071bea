import { runBounded } from './run-bounded.ts';

/** What is installed for OCR: each program's version (null: not found) and Tesseract's languages. */
export interface OcrTools {
  tesseract: string | null;
  pdftoppm: string | null;
  /** Languages Tesseract has trained data for (`osd`, orientation detection, left out). */
  languages: string[];
}

const PROBE = { timeoutMs: 10_000, memoryMb: 256, maxOutputBytes: 64 * 1024 };

/** Asks the installed programs their versions and languages (a few short bounded runs). Never rejects. */
export async function probeOcrTools(): Promise<OcrTools> {
  const [tesseract, pdftoppm, languages] = await Promise.all([
    version('tesseract', ['--version'], /tesseract\s+v?(\S+)/i),
    version('pdftoppm', ['-v'], /pdftoppm version\s+(\S+)/i),
    runBounded('tesseract', ['--list-langs'], PROBE),
  ]);
  const listed = languages.status === 'done' ? languages.stdout.toString('utf8').split('\n').slice(1) : [];
  return {
    tesseract,
    pdftoppm,
    languages: listed
      .map((line) => line.trim())
      .filter((line) => /^[a-z]{3}(_[a-z]+)?$/i.test(line) && line !== 'osd'),
  };
}

// pdftoppm prints its version on stderr, tesseract on stdout: both are read through a shell's 2>&1.
async function version(command: string, args: readonly string[], pattern: RegExp): Promise<string | null> {
  const run = await runBounded('sh', ['-c', `exec "$0" "$@" 2>&1`, command, ...args], PROBE);
  if (run.status !== 'done') return null;
  return pattern.exec(run.stdout.toString('utf8'))?.[1] ?? null;
}

let installed: Promise<OcrTools> | null = null;

/** The probe, once per process (the reading processes ask at their first scan). */
export function installedOcrTools(): Promise<OcrTools> {
  installed ??= probeOcrTools();
  return installed;
}

/** The configured languages that are installed, in the configured order. */
export function usableLanguages(configured: readonly string[], tools: OcrTools): string[] {
  return configured.filter((language) => tools.languages.includes(language));
}
