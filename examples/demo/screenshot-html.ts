import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

/** The Chromium to use: $CHROMIUM, else Debian's or another usual install; undefined when there is none. */
export function findChromium(): string | undefined {
  const candidates = [
    process.env.CHROMIUM,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
  ];
  return candidates.find((path): path is string => path !== undefined && existsSync(path));
}

/** Renders a local HTML file to a PNG with headless Chromium (no network, a throw-away profile). */
export async function screenshotHtml(
  chromium: string,
  html: string,
  png: string,
  options: { size?: string; extraFlags?: string[] } = {},
): Promise<void> {
  const profile = await mkdtemp(join(tmpdir(), 'triage-chromium-'));
  try {
    await promisify(execFile)(
      chromium,
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
        `--window-size=${options.size ?? '900,1600'}`,
        ...(options.extraFlags ?? []),
        `--screenshot=${png}`,
        pathToFileURL(html).href,
      ],
      { timeout: 60_000 },
    );
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
}
