import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findChromium, screenshotHtml } from '../../examples/demo/screenshot-html.ts';

const chromium = findChromium();
const dir = await mkdtemp(join(tmpdir(), 'demo-screenshot-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe.skipIf(chromium === undefined)('screenshotHtml (the demo digest.png and digest-example.png)', () => {
  it('digest-cut-at-1400: captures the full height of a page taller than any window', async () => {
    const html = join(dir, 'tall.html');
    const png = join(dir, 'tall.png');
    await writeFile(html, '<body style="margin:0"><div style="height:3210px;background:#123"></div></body>');
    await screenshotHtml(chromium ?? '', html, png, { width: 640 });
    expect(pngSize(await readFile(png))).toEqual({ width: 640, height: 3210 });
  });
});
