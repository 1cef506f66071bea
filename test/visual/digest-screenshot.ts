// Composes the sample digest, writes digest-example.html and renders it with headless Chromium to
// digest-example.png (the README's picture). `--dark` also renders two dark-mode variants to temporary files.
// Run: npx node test/visual/digest-screenshot.ts [--dark]   (CHROMIUM=/path/to/chromium to use another binary)
import { rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findChromium, screenshotHtml } from '../../examples/demo/screenshot-html.ts';
import { composeDigest } from '../../src/stages/digests/compose-digest.ts';
import { SAMPLE_DIGEST } from './sample-digest.ts';

const CHROMIUM = findChromium();
const here = dirname(fileURLToPath(import.meta.url));
const htmlPath = join(here, 'digest-example.html');
const pngPath = join(here, 'digest-example.png');

if (!CHROMIUM) {
  console.error(
    'Chromium not found. Install it (Debian/Ubuntu): sudo apt-get update && sudo apt-get install -y chromium',
  );
  process.exit(1);
}

const digest = composeDigest(SAMPLE_DIGEST);
if (digest === null) throw new Error('the sample digest unexpectedly has nothing to report');
writeFileSync(htmlPath, digest.html);
console.log(`subject: ${digest.subject}`);
console.log(`wrote ${htmlPath}`);

await screenshot(pngPath, []);
if (process.argv.includes('--dark')) {
  // A client in dark mode that respects the declared colour schemes (Apple Mail): the set colours must hold.
  await screenshot(join(tmpdir(), 'digest-example-dark.png'), ['--force-dark-mode']);
  // A client that inverts regardless (Gmail and Outlook apps): simulated by Chromium's auto-dark on a copy
  // without the colour-scheme declarations (Chromium leaves pages that declare dark support alone).
  const inverted = htmlPath.replace(/\.html$/, '-inverted.html');
  writeFileSync(inverted, digest.html.replace(/<meta name="(?:supported-)?color-scheme"[^>]*>\n/g, ''));
  try {
    await screenshot(
      join(tmpdir(), 'digest-example-inverted.png'),
      ['--force-dark-mode', '--enable-features=WebContentsForceDark'],
      inverted,
    );
  } finally {
    rmSync(inverted, { force: true });
  }
}

async function screenshot(target: string, extra: string[], page = htmlPath): Promise<void> {
  await screenshotHtml(CHROMIUM ?? '', page, target, { extraFlags: extra });
  console.log(`wrote ${target} (${Math.round(statSync(target).size / 1024)} KB)`);
}
