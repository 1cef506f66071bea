import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { findChromium, screenshotHtml } from '../../examples/demo/screenshot-html.ts';
import { composeDigest } from '../../src/stages/digests/compose-digest.ts';
import { DIGEST_HTML_BYTES } from '../../src/stages/digests/fit-digest-size.ts';
import { crowdedDigestInput } from '../support/crowded-digest.ts';

const run = promisify(execFile);
const chromium = findChromium();
const dir = await mkdtemp(join(tmpdir(), 'digest-visual-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

const ROW = /<tr valign="top" style="border-top:[^"]*">/g;

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

// .ci/run installs Debian's chromium, so CI runs this; without a Chromium on the machine there is nothing to render with.
describe.skipIf(chromium === undefined)('a 300-applicant digest in headless Chromium', () => {
  const html = composeDigest(crowdedDigestInput(300))?.html ?? '';
  const file = join(dir, 'digest.html');

  it('parses into the ranked table with every row the digest sent, under the size limit', async () => {
    await writeFile(file, html);
    const { stdout } = await run(
      chromium ?? '',
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        `--user-data-dir=${join(dir, 'profile')}`,
        '--dump-dom',
        pathToFileURL(file).href,
      ],
      { maxBuffer: 16 * 1024 * 1024 },
    );
    const sent = html.match(ROW)?.length ?? 0;
    expect(sent).toBeGreaterThanOrEqual(100);
    expect(stdout.match(ROW)?.length).toBe(sent);
    expect(stdout).toContain('Ranking: the first');
    expect(Buffer.byteLength(html)).toBeLessThanOrEqual(DIGEST_HTML_BYTES);
  });

  it('renders as a page one message wide and as tall as its rows', async () => {
    const png = join(dir, 'digest.png');
    await screenshotHtml(chromium ?? '', file, png, { width: 760 });
    const { width, height } = pngSize(await readFile(png));
    expect(width).toBe(760);
    // At least a line of text per ranked row: a table that collapsed or was cut would be far shorter.
    expect(height).toBeGreaterThan((html.match(ROW)?.length ?? 0) * 16);
  });
});
