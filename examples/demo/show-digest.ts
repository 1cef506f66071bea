import { writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { simpleParser } from 'mailparser';
import { runDigestNow } from '../../src/cli/run-digest-now.ts';
import type { Config } from '../../src/config/schema.ts';
import type { Logger } from '../../src/logging/create-logger.ts';
import { findChromium, screenshotHtml } from './screenshot-html.ts';

const OUTPUT = fileURLToPath(new URL('../../demo-output/', import.meta.url));

/**
 * Sends the supervisors' digests now (as `triage digest --now` does), writes the first one to
 * `demo-output/digest.html` (and `.eml`), and a screenshot `digest.png` when Chromium is installed.
 * Returns the lines to print.
 */
export async function showDigest(
  config: Config,
  received: () => ReadonlyArray<{ raw: string }>,
  logger: Logger,
): Promise<string[]> {
  const before = received().length;
  const results = await runDigestNow(config, logger);
  // The sink files a message just after accepting it: give it a moment.
  for (
    let waited = 0;
    received().length === before && results.some((line) => line.startsWith('sent')) && waited < 5000;
    waited += 50
  ) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const digest = received()[before];
  if (!digest) return ['Digest', '------', ...results, 'No digest was sent.'];
  const parsed = await simpleParser(digest.raw);
  const html = join(OUTPUT, 'digest.html');
  await writeFile(join(OUTPUT, 'digest.eml'), digest.raw);
  await writeFile(html, typeof parsed.html === 'string' ? parsed.html : '<p>(no HTML part)</p>', 'utf8');
  const lines = ['Digest', '------', ...results.map((line) => `  ${line}`), `  HTML:       ${shown(html)}`];
  lines.push(`  screenshot: ${await screenshot(html)}`);
  lines.push(`  subject:    ${parsed.subject ?? ''}`);
  // The digest's own summary line ("7 new applications …; 1 possible application to review.").
  const summary = /^\S.*since the last digest.*$|^\d+ possible applications? to review\.$/m.exec(
    parsed.text ?? '',
  );
  if (summary) lines.push(`  summary:    ${summary[0]}`);
  const review = /^Possibly applications \(\d+\)$[\s\S]*?(?=^\S.*\n[-=]+$|^A CSV)/m.exec(parsed.text ?? '');
  if (review)
    lines.push(
      ...review[0]
        .trimEnd()
        .split('\n')
        .map((line) => (line === '' ? '' : `  ${line}`)),
    );
  return lines;
}

async function screenshot(html: string): Promise<string> {
  const chromium = findChromium();
  if (!chromium)
    return 'install Chromium for one (Debian/Ubuntu: sudo apt-get install -y chromium), then run the demo again';
  const png = join(OUTPUT, 'digest.png');
  try {
    await screenshotHtml(chromium, html, png, { width: 900 });
    return shown(png);
  } catch (error) {
    return `Chromium could not take it (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`;
  }
}

function shown(path: string): string {
  return relative(process.cwd(), path) || path;
}
