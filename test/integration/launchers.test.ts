import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../support/free-port.ts';
import { removePrefix, uniquePrefix } from '../support/redis-prefix.ts';
import { rawTestConfig } from '../support/test-config.ts';
import { waitFor } from '../support/wait-for.ts';

// Every way the daemon is launched — npm scripts, the built bin, the systemd unit's ExecStart, the Dockerfile's
// ENTRYPOINT + CMD — started as real processes, stopped with a real signal to the launcher's pid.
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const UNIT = path.join(ROOT, 'packaging/systemd/applicant-triage.service');
const INSTALLED = '/opt/applicant-triage/';
const hasTini = spawnSync('tini', ['--version']).status === 0;
// verify also checks that ExecStart's /usr/bin/node exists.
const hasSystemdAnalyze =
  spawnSync('systemd-analyze', ['--version']).status === 0 && existsSync('/usr/bin/node');

let dir: string;
const prefixes: string[] = [];
const started: ChildProcess[] = [];

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'triage-launchers-'));
  // dist/ is git-ignored; the bin, the unit and the image all run the built tree.
  const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, encoding: 'utf8' });
  expect(build.status, build.stderr + build.stdout).toBe(0);
});
afterEach(async () => {
  // A daemon a failed test left behind (its own session, see launch) is killed, never another process.
  for (const child of started.splice(0)) if (child.pid && members(child.pid).length > 0) kill(-child.pid);
  await Promise.all(prefixes.splice(0).map((prefix) => removePrefix(prefix)));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function kill(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

/** A daemon configuration whose mailbox is unreachable: the daemon starts and waits; with the endpoint on. */
async function configFile(name: string, httpPort: number): Promise<string> {
  const prefix = uniquePrefix(`launch-${name}`);
  prefixes.push(prefix);
  const raw = rawTestConfig(
    { imap: { host: '127.0.0.1', port: 1, user: 'x', pass: 'x' }, smtpPort: 1, prefix },
    { http: { host: '127.0.0.1', port: httpPort }, log: { level: 'info' } },
  );
  const file = path.join(dir, `${name}.yaml`);
  await writeFile(file, JSON.stringify(raw));
  return file;
}

/** The processes of the launcher's session (pid and command line), whatever their parent is by now. */
function members(session: number): { pid: number; args: string }[] {
  const ps = spawnSync('ps', ['-o', 'pid=,args=', '-s', String(session)], { encoding: 'utf8' });
  return ps.stdout
    .split('\n')
    .map((line) => /^\s*(\d+)\s+(.*)$/.exec(line))
    .filter((match) => match !== null)
    .map((match) => ({ pid: Number(match[1]), args: match[2] ?? '' }));
}

interface Launched {
  child: ChildProcess;
  pid: number;
  logs: () => { msg?: string; signal?: string }[];
  exit: Promise<[number | null, NodeJS.Signals | null]>;
}

/** Starts `command` from the checkout in a session of its own (as a terminal or a service manager would). */
async function launch(command: string, args: string[], config: string): Promise<Launched> {
  const child = spawn(command, args, {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, TRIAGE_CONFIG: config, TRIAGE_LOG_FORMAT: 'json' },
  });
  started.push(child);
  const exit = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.resume();
  // npm prints its own "> applicant-triage@… start" lines; the daemon's are the JSON ones.
  const logs = () =>
    stdout
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as { msg?: string; signal?: string });
  await waitFor('the first JSON log line', () => (logs().length > 0 ? true : undefined));
  const pid = child.pid ?? 0;
  // process.title is "triage": the daemon is in the session, under the launcher or as the launcher itself.
  expect(members(pid).some((member) => member.args.startsWith('triage'))).toBe(true);
  return { child, pid, logs, exit };
}

/** Sends `signal` to the launcher (or, with `group`, to its whole process group) and checks a clean stop. */
async function stop(launched: Launched, signal: NodeJS.Signals, group = false): Promise<void> {
  process.kill(group ? -launched.pid : launched.pid, signal);
  const [code, bySignal] = await launched.exit;
  expect({ code, bySignal }).toEqual({ code: 0, bySignal: null });
  const requested = launched.logs().filter((line) => line.msg === 'shutdown requested');
  expect(requested).toEqual([expect.objectContaining({ signal })]);
  expect(launched.logs().some((line) => line.msg === 'daemon stopped')).toBe(true);
  // Every launcher passes the young-generation flag (node-flags.ts): no warning about it.
  expect(launched.logs().filter((line) => line.msg?.includes('young-generation'))).toEqual([]);
  await waitFor(
    'no process left in the session',
    () => (members(launched.pid).length === 0 ? true : undefined),
    5_000,
  );
}

/** The bin's `#!/usr/bin/env -S node …` line as a command, with `node` as this Node 24. */
async function binShebang(): Promise<string[]> {
  const [first = ''] = (await readFile(path.join(ROOT, 'dist/src/cli/main.js'), 'utf8')).split('\n');
  const words = first
    .replace(/^#!\/usr\/bin\/env -S /, '')
    .trim()
    .split(/\s+/);
  expect(words[0]).toBe('node');
  return [process.execPath, ...words.slice(1)];
}

/** The unit's ExecStart, with /usr/bin/node as this Node 24 and /opt/applicant-triage/ as this checkout. */
async function unitExecStart(): Promise<string[]> {
  const unit = await readFile(UNIT, 'utf8');
  const line = /^ExecStart=(.+)$/m.exec(unit)?.[1];
  expect(line).toBeDefined();
  const words = (line ?? '').trim().split(/\s+/);
  expect(words[0]).toBe('/usr/bin/node');
  return [
    process.execPath,
    ...words
      .slice(1)
      .map((word) => (word.startsWith(INSTALLED) ? path.join(ROOT, word.slice(INSTALLED.length)) : word)),
  ];
}

/** A Dockerfile instruction in exec form (the last one: the runtime stage's). */
async function dockerfile(instruction: 'ENTRYPOINT' | 'CMD' | 'HEALTHCHECK'): Promise<string[]> {
  const text = await readFile(path.join(ROOT, 'Dockerfile'), 'utf8');
  const pattern =
    instruction === 'HEALTHCHECK'
      ? /^HEALTHCHECK [^\n]*\\\n\s*CMD (\[.*\])$/gm
      : new RegExp(`^${instruction} (\\[.*\\])$`, 'gm');
  const found = [...text.matchAll(pattern)].at(-1)?.[1];
  expect(found, `${instruction} in exec form`).toBeDefined();
  return JSON.parse(found ?? '[]') as string[];
}

/** `node` as this Node 24 (the image's WORKDIR is the checkout here). */
function onThisNode(words: string[]): string[] {
  return words.map((word) => (word === 'node' ? process.execPath : word));
}

describe('every launcher stops the daemon on SIGTERM: exit 0 after draining, no process left', () => {
  it('npm start (exec: npm forwards the signal straight to the daemon, no sh in between)', async () => {
    const launched = await launch('npm', ['start'], await configFile('npm-start', await freePort()));
    await stop(launched, 'SIGTERM');
  });

  it('npm run triage -- start', async () => {
    const launched = await launch(
      'npm',
      ['run', 'triage', '--', 'start'],
      await configFile('npm-run', await freePort()),
    );
    await stop(launched, 'SIGTERM');
  });

  it('the built bin, as its shebang runs it: triage start', async () => {
    const [command = '', ...args] = await binShebang();
    const launched = await launch(
      command,
      [...args, 'dist/src/cli/main.js', 'start'],
      await configFile('bin', await freePort()),
    );
    await stop(launched, 'SIGTERM');
  });

  it("the systemd unit's ExecStart", async () => {
    const [command = '', ...args] = await unitExecStart();
    const launched = await launch(command, args, await configFile('systemd', await freePort()));
    await stop(launched, 'SIGTERM');
  });

  it(`the Dockerfile's ${hasTini ? 'ENTRYPOINT (tini) + CMD' : 'CMD (tini is not installed)'}, and its HEALTHCHECK`, async () => {
    const entrypoint = hasTini ? await dockerfile('ENTRYPOINT') : [];
    const [command = '', ...args] = onThisNode([...entrypoint, ...(await dockerfile('CMD'))]);
    const port = await freePort();
    const launched = await launch(command, args, await configFile('docker', port));
    const [check = '', ...checkArgs] = onThisNode(await dockerfile('HEALTHCHECK'));
    const probe = checkArgs.map((word) => word.replace('127.0.0.1:9317', `127.0.0.1:${port}`));
    await waitFor(
      'a passing health check',
      () => (spawnSync(check, probe).status === 0 ? true : undefined),
      10_000,
    );
    await stop(launched, 'SIGTERM');
    expect(spawnSync(check, probe).status).toBe(1);
  });
});

describe('signals repeated', () => {
  it('a Ctrl-C to the whole process group of npm start (npm forwards it too) is one request: exit 0, not 130', async () => {
    const launched = await launch('npm', ['start'], await configFile('ctrl-c', await freePort()));
    await stop(launched, 'SIGINT', true);
  });

  it('the same signal twice at once is one request; a different second signal still exits 130 at once', async () => {
    const twice = await launch(
      process.execPath,
      ['src/cli/main.ts', 'start'],
      await configFile('twice', await freePort()),
    );
    process.kill(twice.pid, 'SIGTERM');
    process.kill(twice.pid, 'SIGTERM');
    expect((await twice.exit)[0]).toBe(0);

    const other = await launch(
      process.execPath,
      ['src/cli/main.ts', 'start'],
      await configFile('other', await freePort()),
    );
    // Stopped, the daemon receives both at once when it continues; sent to a running one, the second could come
    // after a quick drain (this process descheduled between the two kills) and prove nothing.
    process.kill(other.pid, 'SIGSTOP');
    process.kill(other.pid, 'SIGTERM');
    process.kill(other.pid, 'SIGINT');
    process.kill(other.pid, 'SIGCONT');
    expect((await other.exit)[0]).toBe(130);
  });
});

describe('the systemd unit', () => {
  it.skipIf(!hasSystemdAnalyze)('passes systemd-analyze verify without a warning', () => {
    const verify = spawnSync('systemd-analyze', ['verify', UNIT], { encoding: 'utf8' });
    expect({ status: verify.status, stderr: verify.stderr }).toEqual({ status: 0, stderr: '' });
  });
});
