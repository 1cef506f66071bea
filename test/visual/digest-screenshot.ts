// Composes the sample digest, writes digest-example.html and renders it with headless Chromium to
// digest-example.png (the README's picture). `--dark` also renders two dark-mode variants to temporary files.
// Run: npx node test/visual/digest-screenshot.ts [--dark]   (CHROMIUM=/path/to/chromium to use another binary)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { composeDigest } from '../../src/digests/compose-digest.ts';
import { SAMPLE_DIGEST } from './sample-digest.ts';

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const here = dirname(fileURLToPath(import.meta.url));
const htmlPath = join(here, 'digest-example.html');
const pngPath = join(here, 'digest-example.png');

if (!existsSync(CHROMIUM)) {
  console.error(
    `${CHROMIUM} not found. Install it (Debian/Ubuntu): sudo apt-get update && sudo apt-get install -y chromium`,
  );
  process.exit(1);
}

const digest = composeDigest(SAMPLE_DIGEST);
if (digest === null) throw new Error('the sample digest unexpectedly has nothing to report');
writeFileSync(htmlPath, digest.html);
console.log(`subject: ${digest.subject}`);
console.log(`wrote ${htmlPath}`);

screenshot(pngPath, []);
if (process.argv.includes('--dark')) {
  // A client in dark mode that respects the declared colour schemes (Apple Mail): the set colours must hold.
  screenshot(join(tmpdir(), 'digest-example-dark.png'), ['--force-dark-mode']);
  // A client that inverts regardless (Gmail and Outlook apps): simulated by Chromium's auto-dark on a copy
  // without the colour-scheme declarations (Chromium leaves pages that declare dark support alone).
  const inverted = htmlPath.replace(/\.html$/, '-inverted.html');
  writeFileSync(inverted, digest.html.replace(/<meta name="(?:supported-)?color-scheme"[^>]*>\n/g, ''));
  try {
    screenshot(
      join(tmpdir(), 'digest-example-inverted.png'),
      ['--force-dark-mode', '--enable-features=WebContentsForceDark'],
      inverted,
    );
  } finally {
    rmSync(inverted, { force: true });
  }
}

function screenshot(target: string, extra: string[], page = htmlPath): void {
  const profile = mkdtempSync(join(tmpdir(), 'digest-chromium-'));
  try {
    execFileSync(
      CHROMIUM,
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--hide-scrollbars',
        `--user-data-dir=${profile}`,
        '--window-size=900,1600',
        ...extra,
        `--screenshot=${target}`,
        pathToFileURL(page).href,
      ],
      { stdio: ['ignore', 'ignore', 'pipe'], timeout: 60_000 },
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  console.log(`wrote ${target} (${Math.round(statSync(target).size / 1024)} KB)`);
}
