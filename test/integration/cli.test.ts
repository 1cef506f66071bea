import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMail } from '../support/build-mail.ts';
import { startDovecot, type DovecotServer } from '../support/dovecot.ts';
import { openImapTestClient } from '../support/imap-test-client.ts';
import { REDIS_URL, removePrefix, uniquePrefix } from '../support/redis-prefix.ts';
import { runCli, spawnCli } from '../support/run-cli.ts';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.ts';
import { waitFor } from '../support/wait-for.ts';

let dovecot: DovecotServer;
let sink: SmtpSink;
let dir: string;
const prefix = uniquePrefix('cli');

beforeAll(async () => {
  dovecot = await startDovecot();
  sink = await startSmtpSink();
  dir = await mkdtemp(path.join(tmpdir(), 'triage-cli-'));
});

afterAll(async () => {
  await removePrefix(prefix);
  await rm(dir, { recursive: true, force: true });
  await sink.close();
  await dovecot.stop();
});

/** Writes a YAML configuration file; the IMAP password comes from the environment, as in production. */
async function writeConfig(name: string, user: string, smtpPort = sink.port): Promise<string> {
  const file = path.join(dir, `${name}.yaml`);
  await writeFile(
    file,
    `redis: { url: "${REDIS_URL}", prefix: ${prefix} }
mailboxes:
  - id: chen
    address: chen@uni.example
    imap: { host: ${dovecot.host}, port: ${dovecot.port}, secure: false, auth: { user: ${user}, pass: "\${IMAP_PASSWORD}" } }
    smtp: { host: 127.0.0.1, port: ${smtpPort}, secure: false }
    from: '"Dr Chen" <chen@uni.example>'
    reconcileSeconds: 5
vacancies:
  - id: robust-ai
    tag: PHD-robustAI
    title: PhD in Robust AI
    supervisors: [chen@uni.example]
    documents: { required: [cv, transcript] }
workers: { shutdownSeconds: 5 }
`,
  );
  return file;
}

describe('the triage command', () => {
  it('check: one ok line per component when everything is reachable', async () => {
    const login = await dovecot.createUser('check');
    const config = await writeConfig('check', login.user);
    const result = await runCli(['--config', config, 'check'], { IMAP_PASSWORD: login.pass });
    expect(result.code).toBe(0);
    expect(
      result.stdout
        .split('\n')
        .filter(Boolean)
        .map((line) => line.split(':')[0]),
    ).toEqual([
      'ok    config',
      'warn  security',
      'ok    documents',
      'ok    ocr',
      'ok    redis',
      'warn  personal data',
      'warn  retention',
      'ok    imap chen',
      'ok    smtp chen',
    ]);
  });

  it('check: a deadline that has passed is a warning line; the exit code stays 0', async () => {
    const login = await dovecot.createUser('check-late');
    const config = await writeConfig('check-late', login.user);
    const yaml = await readFile(config, 'utf8');
    await writeFile(
      config,
      yaml.replace('    documents:', '    deadline: 2020-01-01T00:00:00Z\n    documents:'),
    );
    const result = await runCli(['--config', config, 'check'], { IMAP_PASSWORD: login.pass });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^warn {2}vacancy robust-ai: deadline 2020-01-01T00:00:00Z has passed: every new applicant is told/m,
    );
  });

  it('check: names what fails and exits non-zero', async () => {
    const login = await dovecot.createUser('check-bad');
    const config = await writeConfig('check-bad', login.user, 1);
    const result = await runCli(['--config', config, 'check'], { IMAP_PASSWORD: 'wrong' });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      /^FAIL {2}imap chen: .*login refused.* — check the user name and password/m,
    );
    expect(result.stdout).toMatch(
      /^FAIL {2}smtp chen: .* — nothing accepts connections there: check the host and port$/m,
    );
    expect(result.stdout).toMatch(/^ok {4}redis: /m);
  });

  it('check-redis-down: a refused port and an unknown host are named with the URL and the reason, no stack', async () => {
    const login = await dovecot.createUser('check-redis');
    const config = await writeConfig('check-redis', login.user);
    const yaml = await readFile(config, 'utf8');
    for (const [url, reason] of [
      ['redis://127.0.0.1:1', 'connection refused (is it running, on that host and port?)'],
      ['redis://no-such-host.invalid:6379', 'no such host'],
    ]) {
      await writeFile(config, yaml.replace(`url: "${REDIS_URL}"`, `url: "${url}"`));
      const result = await runCli(['--config', config, 'check'], { IMAP_PASSWORD: login.pass });
      expect(result.code).toBe(1);
      expect(result.stdout).toMatch(new RegExp(`^FAIL {2}redis: cannot reach Redis at ${url}: (.*)$`, 'm'));
      expect(result.stdout.split('\n').find((line) => line.startsWith('FAIL  redis'))).toBe(
        `FAIL  redis: cannot reach Redis at ${url}: ${reason}`,
      );
      expect(result.stdout).toMatch(/^ok {4}imap chen: /m);
      expect(`${result.stdout}${result.stderr}`).not.toMatch(/\n\s+at /);
    }
  });

  it("check-alerts: the alert line names the recipients and the SMTP server, which is tried when it is alerts' own", async () => {
    const login = await dovecot.createUser('check-alerts');
    const config = await writeConfig('check-alerts', login.user);
    const yaml = await readFile(config, 'utf8');
    await writeFile(config, `${yaml}\nalerts: { to: [Ops@IT.example, b@it.example] }\n`);
    const shared = await runCli(['--config', config, 'check'], { IMAP_PASSWORD: login.pass });
    expect(shared.code).toBe(0);
    expect(shared.stdout).toMatch(
      /^ok {4}alerts: to ops@it\.example, b@it\.example via mailbox chen's SMTP$/m,
    );
    const own = 'alerts: { to: ops@it.example, smtp: { host: 127.0.0.1, port: 1, secure: false } }';
    await writeFile(config, `${yaml}\n${own}\n`);
    const refused = await runCli(['--config', config, 'check'], { IMAP_PASSWORD: login.pass });
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(
      /^FAIL {2}alerts: smtp 127\.0\.0\.1:1: .* — nothing accepts connections there: check the host and port$/m,
    );
  });

  it('check-tls-mismatch: `secure: true` on a plain port says to check `secure`', async () => {
    const login = await dovecot.createUser('check-tls');
    const config = await writeConfig('check-tls', login.user);
    const yaml = await readFile(config, 'utf8');
    await writeFile(config, yaml.replaceAll('secure: false', 'secure: true'));
    const result = await runCli(['--config', config, 'check'], { IMAP_PASSWORD: login.pass });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      /^FAIL {2}imap chen: .* — the server does not speak TLS on this port: check `secure`/m,
    );
    expect(result.stdout).toMatch(
      /^FAIL {2}smtp chen: .* — the server does not speak TLS on this port: check `secure`/m,
    );
  });

  it('a bad configuration is refused with the key named, exit code 2', async () => {
    const file = path.join(dir, 'bad.yaml');
    await writeFile(
      file,
      'mailboxes: []\nvacancies:\n  - id: x\n    title: X\n    supervisors: [a@b.example]\n',
    );
    const result = await runCli(['--config', file, 'check']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('mailboxes: must list at least one mailbox');
    expect(result.stderr).toContain('vacancies[0].tag: required');
  });

  it('input-errors: a missing file, a file that is not mail, an unknown vacancy or option: one line, exit 2', async () => {
    const config = await writeConfig('inputs', 'nobody');
    const pdf = path.join(dir, 'CV.pdf');
    await writeFile(
      pdf,
      '%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
    );
    const cases: Array<[string[], RegExp]> = [
      [['explain', path.join(dir, 'nope.eml')], /^error: cannot read .*nope\.eml: no such file$/],
      [['explain', pdf], /^error: .*CV\.pdf is not an e-mail message: it has no header fields$/],
      [['candidates', '--vacancy', 'nope'], /^error: no vacancy has id "nope" \(vacancies: robust-ai\)$/],
      [
        ['digest', '--now', '--vacancy', 'nope'],
        /^error: no vacancy has id "nope" \(vacancies: robust-ai\)$/,
      ],
      [['explain', pdf, '--mailbox', 'nope'], /^error: no mailbox has id "nope" \(mailboxes: chen\)$/],
      [['candidates', '--json', '--csv'], /^error: --json and --csv cannot be used together$/],
      [['candidates', '--bogus'], /^error: unknown option '--bogus'$/],
    ];
    for (const [args, message] of cases) {
      const result = await runCli(['--config', config, ...args], { IMAP_PASSWORD: 'x' });
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr.trim(), args.join(' ')).toMatch(message);
      expect(result.stdout, args.join(' ')).toBe('');
    }
  });

  it('redis-unreachable: candidates and dead-letters name the URL and the reason in one line, exit 1', async () => {
    const config = await writeConfig('no-redis', 'nobody');
    const yaml = await readFile(config, 'utf8');
    await writeFile(config, yaml.replace(`url: "${REDIS_URL}"`, 'url: "redis://:s3cret@127.0.0.1:1"'));
    for (const args of [['candidates'], ['dead-letters'], ['digest', '--now']]) {
      const result = await runCli(['--config', config, ...args], { IMAP_PASSWORD: 'x' });
      expect(result.code, args.join(' ')).toBe(1);
      expect(result.stderr.trim(), args.join(' ')).toBe(
        'error: cannot reach Redis at redis://:***@127.0.0.1:1: connection refused (is it running, on that host and port?)',
      );
    }
  });

  it('version: --version prints the version of package.json', async () => {
    const manifest = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    const result = await runCli(['--version']);
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe(manifest.version);
  });

  it('node-version: on a Node older than 24 the CLI says which Node it needs, exit 2', async () => {
    // The version is made to read 20.20.2 before main.ts loads, as a system Node 20 running `triage` would be.
    const olderNode = `data:text/javascript,Object.defineProperty(process, 'versions', { value: { ...process.versions, node: '20.20.2' } });`;
    const child = spawn(process.execPath, [
      '--import',
      olderNode,
      fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url)),
      '--version',
    ]);
    let stderr = '';
    let stdout = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const [code] = (await once(child, 'close')) as [number | null];
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/needs Node\.js 24 or newer; this is Node\.js 20\.20\.2/);
  });

  it('explain --json needs no server', async () => {
    const file = path.join(dir, 'application.eml');
    await writeFile(file, await buildMail({ subject: 'Re: [phd robustai] application' }));
    const config = await writeConfig('explain', 'nobody');
    const result = await runCli(['--config', config, 'explain', file, '--json'], { IMAP_PASSWORD: 'x' });
    expect(result.code).toBe(0);
    const explanation = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(explanation).toMatchObject({
      classification: { kind: 'application' },
      vacancy: { id: 'robust-ai', match: 'variant' },
      applicant: { name: 'Jane Doe', email: 'jane.doe@example.org' },
      documents: [{ filename: 'CV_Jane_Doe.pdf', kind: 'cv' }],
      missing: ['transcript'],
      reply: {
        send: true,
        reason: 'acknowledgement',
        to: 'jane.doe@example.org',
        subject: 'Re: [phd robustai] application',
      },
    });
    expect((explanation.reply as { text: string }).text).toMatch(/transcript/i);
  });

  it('start runs the daemon until SIGTERM, then drains and exits 0; candidates lists what it filed', async () => {
    const login = await dovecot.createUser('start');
    const config = await writeConfig('start', login.user);
    const mail = await openImapTestClient(dovecot, login);
    await mail.append(await buildMail({ messageId: '<cli-start@example.org>' }));
    const daemon = spawnCli(['--config', config, 'start'], { IMAP_PASSWORD: login.pass });
    let output = '';
    daemon.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const filed = `Applications${mail.client.namespace?.delimiter ?? '/'}robust-ai`;
    await waitFor('filed by the daemon process', async () =>
      (await mail.messageIds(filed)).includes('<cli-start@example.org>') ? true : undefined,
    );
    // `ps` shows the daemon as triage (not node or MainThread).
    expect((await readFile(`/proc/${daemon.pid}/comm`, 'utf8')).trim()).toBe('triage');
    daemon.kill('SIGTERM');
    const [code] = (await once(daemon, 'exit')) as [number | null];
    await mail.close();
    expect(code).toBe(0);
    const messages = output
      .split('\n')
      .filter(Boolean)
      .map((line) => (JSON.parse(line) as { msg: string }).msg);
    expect(messages).toContain('application recorded');
    expect(messages.at(-1)).toBe('daemon stopped');
    expect(output).not.toContain(login.pass);

    const listed = await runCli(['--config', config, 'candidates', '--json'], { IMAP_PASSWORD: login.pass });
    expect(listed.code).toBe(0);
    expect(JSON.parse(listed.stdout)).toEqual([
      expect.objectContaining({
        vacancy: 'robust-ai',
        email: 'jane.doe@example.org',
        documents: [expect.objectContaining({ filename: 'CV_Jane_Doe.pdf', kind: 'cv' })],
        missing: ['transcript'],
        messages: 1,
        folders: [filed],
      }),
    ]);
    const [first] = JSON.parse(listed.stdout) as Array<{ profile: { name: { value: string } } }>;
    expect(first?.profile.name.value).toBe('Jane Doe');
  });
});
