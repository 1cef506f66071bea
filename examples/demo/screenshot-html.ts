import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { pathToFileURL } from 'node:url';

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

/** How wide the page is laid out, and Chromium flags to add (dark mode…). */
export interface ScreenshotOptions {
  width?: number;
  extraFlags?: string[];
}

/**
 * Renders a local HTML file to a PNG of its full height with headless Chromium (no network, a throw-away
 * profile): laid out `width` CSS pixels wide, then captured beyond the viewport down to the end of the content.
 */
export async function screenshotHtml(
  chromium: string,
  html: string,
  png: string,
  options: ScreenshotOptions = {},
): Promise<void> {
  const profile = await mkdtemp(join(tmpdir(), 'triage-chromium-'));
  try {
    const data = await captureFullPage(chromium, profile, pathToFileURL(html).href, options);
    await writeFile(png, Buffer.from(data, 'base64'));
  } finally {
    // Chromium's helper processes can still be writing into the profile when its main process has exited.
    await rm(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
  }
}

// Chromium's DevTools protocol over --remote-debugging-pipe: JSON messages ended by NUL, in on fd 3, out on fd 4.
async function captureFullPage(
  chromium: string,
  profile: string,
  url: string,
  options: ScreenshotOptions,
): Promise<string> {
  const width = options.width ?? 900;
  const child = spawn(
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
      '--remote-debugging-pipe',
      `--user-data-dir=${profile}`,
      `--window-size=${width},800`,
      ...(options.extraFlags ?? []),
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] },
  );
  const cdp = new DevToolsPipe(child.stdio[3] as Writable, child.stdio[4] as Readable);
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exit = new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', resolve);
  });
  const early = exit.then((code) => {
    throw new Error(`Chromium exited (${code}) before the screenshot: ${stderr.trim()}`);
  });
  const timeout = setTimeout(() => child.kill('SIGKILL'), 60_000);
  try {
    return await Promise.race([early, shoot(cdp, url, width)]);
  } finally {
    // The profile is removed next: Chromium must have let go of it first.
    if (child.exitCode === null) child.kill();
    await exit.catch(() => undefined);
    early.catch(() => undefined);
    clearTimeout(timeout);
  }
}

async function shoot(cdp: DevToolsPipe, url: string, width: number): Promise<string> {
  const { targetId } = (await cdp.send('Target.createTarget', { url: 'about:blank' })) as {
    targetId: string;
  };
  const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId, flatten: true })) as {
    sessionId: string;
  };
  const page = (method: string, params: object = {}) => cdp.send(method, params, sessionId);
  await page('Page.enable');
  await page('Emulation.setDeviceMetricsOverride', {
    width,
    height: 800,
    deviceScaleFactor: 1,
    mobile: false,
  });
  const loaded = cdp.once('Page.loadEventFired', sessionId);
  await page('Page.navigate', { url });
  await loaded;
  const metrics = (await page('Page.getLayoutMetrics')) as { cssContentSize: { height: number } };
  const height = Math.ceil(metrics.cssContentSize.height);
  const shot = (await page('Page.captureScreenshot', {
    format: 'png',
    captureBeyondViewport: true,
    clip: { x: 0, y: 0, width, height, scale: 1 },
  })) as { data: string };
  return shot.data;
}

/** Requests and events of the DevTools protocol over a pair of pipes. */
class DevToolsPipe {
  private nextId = 1;
  private buffered = '';
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private readonly waiting: Array<{ method: string; sessionId?: string; resolve: () => void }> = [];
  private readonly input: Writable;

  constructor(input: Writable, output: Readable) {
    this.input = input;
    output.on('data', (chunk: Buffer) => {
      this.buffered += chunk.toString('utf8');
      let end: number;
      while ((end = this.buffered.indexOf('\0')) >= 0) {
        this.receive(this.buffered.slice(0, end));
        this.buffered = this.buffered.slice(end + 1);
      }
    });
  }

  send(method: string, params: object = {}, sessionId?: string): Promise<unknown> {
    const id = this.nextId++;
    this.input.write(`${JSON.stringify({ id, method, params, sessionId })}\0`);
    return new Promise((resolve, reject) => this.pending.set(id, { resolve, reject }));
  }

  once(method: string, sessionId?: string): Promise<void> {
    return new Promise((resolve) => this.waiting.push({ method, sessionId, resolve }));
  }

  private receive(text: string): void {
    const message = JSON.parse(text) as {
      id?: number;
      method?: string;
      sessionId?: string;
      result?: unknown;
      error?: { message: string };
    };
    const request = message.id === undefined ? undefined : this.pending.get(message.id);
    if (request !== undefined && message.id !== undefined) {
      this.pending.delete(message.id);
      if (message.error) request.reject(new Error(message.error.message));
      else request.resolve(message.result);
      return;
    }
    const index = this.waiting.findIndex(
      (entry) => entry.method === message.method && entry.sessionId === message.sessionId,
    );
    if (index >= 0) this.waiting.splice(index, 1)[0]?.resolve();
  }
}
