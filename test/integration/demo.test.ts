import { readFile } from 'node:fs/promises';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { DOCUMENT_WORDING } from '../../src/stages/replies/render-reply.ts';
import { REDIS_URL } from '../support/redis-prefix.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const REPLIES = join(ROOT, 'demo-output', 'replies');

interface DemoRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `npm run demo`'s script as a real child process (under vitest, process.execPath is Node 24). */
function runDemo(redisUrl: string): Promise<DemoRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['examples/demo/run-demo.ts'], {
      cwd: ROOT,
      env: { ...process.env, REDIS_URL: redisUrl },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const timer = setTimeout(() => child.kill('SIGKILL'), 100_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** The report's paragraph about message `number` (1-based, INBOX order). */
function messageBlock(stdout: string, number: number): string {
  const start = stdout.search(new RegExp(`^ ?${number}\\. `, 'm'));
  if (start < 0) throw new Error(`no message ${number} in the report:\n${stdout}`);
  const end = stdout.indexOf('\n\n', start);
  return stdout.slice(start, end < 0 ? undefined : end);
}

/** What the report says about each message acknowledged: the missing kinds on its documents and reply lines. */
function reportedAcknowledgements(stdout: string) {
  return [...stdout.matchAll(/^ ?(\d+)\. /gm)].flatMap((match) => {
    const number = Number(match[1]);
    const block = messageBlock(stdout, number);
    const reply = /^ {4}reply: +acknowledgement sent to \S+ \((.*)\) → (\S+)\.eml$/m.exec(block);
    if (reply === null) return [];
    const documents = /^ {4}documents: .*; (nothing missing|missing: .*)$/m.exec(block);
    return [
      {
        number,
        txt: `${reply[2]}.txt`,
        documentsMissing: missingKindsIn(documents?.[1] ?? '(no documents line)'),
        replyMissing: missingKindsIn(reply[1] ?? ''),
      },
    ];
  });
}

/** `missing: cv, transcript` → ['cv', 'transcript']; `nothing missing` → []. */
function missingKindsIn(text: string): string[] {
  if (text === 'nothing missing') return [];
  const listed = /^missing: (.+)$/.exec(text);
  if (listed === null) throw new Error(`neither "nothing missing" nor "missing: …": ${text}`);
  return (listed[1] ?? '').split(', ');
}

/** The kinds an acknowledgement lists under "The following documents are missing:", by their wording. */
function missingInAcknowledgement(text: string): string[] {
  const list = /The following documents are missing:\n((?:- .*\n?)+)/.exec(text)?.[1] ?? '';
  const byLabel = new Map(Object.entries(DOCUMENT_WORDING).map(([kind, { label }]) => [label, kind]));
  return list
    .split('\n')
    .filter((line) => line.startsWith('- '))
    .map((line) => {
      const label = line.slice(2, line.indexOf(':'));
      return byLabel.get(label) ?? `unknown label "${label}"`;
    });
}

async function keysUnder(prefix: string): Promise<string[]> {
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  try {
    const found: string[] = [];
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      found.push(...keys);
    } while (cursor !== '0');
    return found;
  } finally {
    redis.disconnect();
  }
}

describe('npm run demo', () => {
  it('runs the whole pipeline on the samples, reports each outcome, and leaves no keys behind', async () => {
    const { code, stdout, stderr } = await runDemo(REDIS_URL);
    expect(stderr).not.toMatch(/The demo failed|kept the demo process alive/);
    expect(code, `stdout:\n${stdout}\nstderr:\n${stderr}`).toBe(0);

    const expected: Array<[number, RegExp[]]> = [
      [1, [/Ada Lovelace/, /nothing missing/, /outcome: +filed in Applications\/robust-ai$/m]],
      [2, [/missing: transcript/, /outcome: +filed in Applications\/robust-ai$/m]],
      [
        3,
        [
          /^ 3\. Re: \(phd robustai\) application — Carlos Pérez$/m,
          /variant tag .*flagged tag-variant/,
          // Its file name says transcript; the daemon read a certificate, and its acknowledgement says so.
          /documents: Carlos_Perez_CV\.pdf \(cv\), Certificado_de_notas\.pdf \(certificate\); missing: transcript$/m,
        ],
      ],
      [4, [/Automatic reply/, /not an application: auto-reply \(Auto-Submitted: auto-replied\)/]],
      [5, [/Transcript_Bo_Zhang\.pdf \(transcript\)/, /merged with #2 into one candidate \(nothing missing/]],
      [6, [/filed in Applications\/robust-ai; the same message as #1, so recorded only once/]],
      [7, [/not an application: untagged/]],
      [8, [/not an application: bounce \(Content-Type: multipart\/report/]],
      [9, [/not an application: list \(List-Id:/]],
      [10, [/简历\.pdf \(cv\)/, /outcome: +filed in Applications\/med-imaging$/m]],
      [11, [/Elif Kaya/, /outcome: +filed in Applications\/robust-ai$/m]],
      // The open call: two enquiries (one by the topic in its CV only), and a colleague found in the Sent folder.
      [
        12,
        [
          /triage: +enquiry for the open call medical-ai \(study intent in subject: .*topic "agentic workflows/,
        ],
      ],
      [
        13,
        [
          /enquiry for the open call medical-ai .*in document: "human-in-the-loop"/,
          /filed in Applications\/medical-ai$/m,
        ],
      ],
      [14, [/not an application: untagged \(.*sender is a colleague \(sent-folder\)/]],
      // A near miss: held for review in its own folder, never a candidate.
      [
        15,
        [
          /triage: +held for review: tag-suffix "\[PHD-robustAI2\]", probably for robust-ai$/m,
          /evidence: +cv(?: \(read\))? attached: CV_Tomas_Oliveira\.pdf;/,
          /outcome: +filed in Applications\/_review$/m,
        ],
      ],
      // A referee's letter: linked to the applicant's candidate and filed with it, never a candidate of its own.
      [
        16,
        [
          /triage: +a referee's letter \(referee's mail \(score [\d.]+\): subject 'Reference'/,
          /linked: +to Ada Lovelace's candidate by name \(names "Ada Lovelace"\); letter: Reference_Ada_Lovelace\.pdf \(reference\)$/m,
          /outcome: +filed in Applications\/robust-ai$/m,
        ],
      ],
    ];
    for (const [number, patterns] of expected) {
      const block = messageBlock(stdout, number);
      for (const pattern of patterns) expect(block, `message ${number}`).toMatch(pattern);
    }
    for (const number of [4, 7, 8, 9, 14]) {
      expect(messageBlock(stdout, number), `message ${number}`).toMatch(/outcome: +left in INBOX$/m);
      expect(messageBlock(stdout, number), `message ${number}`).toMatch(/reply: +none — not an application/);
    }

    // What each message got back.
    const replies: Array<[number, string]> = [
      [
        1,
        'acknowledgement sent to ada.lovelace@example.org (nothing missing) → demo-output/replies/01-ada-lovelace-acknowledgement.eml',
      ],
      [
        2,
        'acknowledgement sent to bo.zhang@example.net (missing: transcript) → demo-output/replies/02-bo-zhang-acknowledgement.eml',
      ],
      [4, 'none — not an application (auto-reply)'],
      [
        5,
        'complete sent to bo.zhang@example.net (application now complete) → demo-output/replies/05-bo-zhang-complete.eml',
      ],
      [6, 'none — the same message as #1 (acknowledged once)'],
      [16, "none — a referee's letter: referees get no automatic reply"],
      [11, 'suppressed — the sender asked for no automatic replies (X-Auto-Response-Suppress: OOF)'],
      [15, 'none — held for review: a near miss gets no acknowledgement'],
      [
        13,
        'information sent to mei.tanaka@example.jp (nothing missing) → demo-output/replies/13-mei-tanaka-information.eml',
      ],
    ];
    for (const [number, reply] of replies) {
      expect(messageBlock(stdout, number).split('\n'), `message ${number}`).toContain(
        `    reply:     ${reply}`,
      );
    }

    // The near miss is listed for review, in the report and in the digest, and not among the candidates.
    expect(stdout).toMatch(/^Held for review \(1\), as `npm run triage -- candidates --review` lists them$/m);
    expect(stdout).toMatch(
      /^robust-ai +Tomás Oliveira +t\.oliveira@correio\.example +tag-suffix +\[PHD-robustAI2\]/m,
    );
    expect(stdout).toMatch(/^Candidates \(7\)/m);
    expect(stdout).toMatch(/^ {2}summary: .*; 1 possible application to review\.$/m);
    expect(stdout).toMatch(
      /^ {2}1\. Tomás Oliveira <t\.oliveira@correio\.example> — tag with extra characters/m,
    );

    // The report says of each acknowledged message what its acknowledgement said was missing.
    const acknowledged = reportedAcknowledgements(stdout);
    expect(acknowledged.map((entry) => entry.number)).toEqual([1, 2, 3, 10]);
    for (const entry of acknowledged) {
      const sentMissing = missingInAcknowledgement(readFileSync(join(ROOT, entry.txt), 'utf8'));
      expect(entry.documentsMissing, `message ${entry.number}: documents line vs ${entry.txt}`).toEqual(
        sentMissing,
      );
      expect(entry.replyMissing, `message ${entry.number}: reply line vs ${entry.txt}`).toEqual(sentMissing);
    }

    // Ada's candidate lists her referee; the referee is nobody's candidate and got nothing.
    expect(stdout).toMatch(
      /^robust-ai +Ada Lovelace .*cv,transcript,reference .* 1 \(Dr Mary Somerville\)$/m,
    );
    expect(stdout).not.toMatch(/^\S+ +Dr Mary Somerville /m);
    expect(readFileSync(join(ROOT, 'demo-output', 'digest.html'), 'utf8')).toContain(
      'references: 1 (Dr Mary Somerville)',
    );

    // The daemon's log went to a file, not into the report.
    expect(stdout).toMatch(/^ {2}Daemon {2}the real one, .*its log goes to demo-output\/daemon\.log$/m);
    expect(stdout).not.toMatch(/^\{"level"/m);
    expect(stderr).not.toMatch(/^\{"level"/m);
    const log = readFileSync(join(ROOT, 'demo-output', 'daemon.log'), 'utf8');
    expect(log).toMatch(/^\{"level":40,.*STARTTLS/m);

    // Bo's acknowledgement lists his missing transcript, in the file and in the report.
    const bo = join(REPLIES, '02-bo-zhang-acknowledgement');
    expect(existsSync(`${bo}.eml`)).toBe(true);
    const boRaw = readFileSync(`${bo}.eml`, 'utf8');
    expect(boRaw).toMatch(/^Auto-Submitted: auto-replied\r?$/m);
    expect(boRaw).toMatch(/^In-Reply-To: <bo-application@example\.net>\r?$/m);
    const boText = readFileSync(`${bo}.txt`, 'utf8');
    expect(boText).toContain('To: Bo Zhang <bo.zhang@example.net>');
    expect(boText).toMatch(/The following documents are missing:\n- academic transcript:/);
    expect(stdout).toContain("Bo Zhang's acknowledgement, which lists what is missing");
    expect(stdout).toMatch(/^ {4}- academic transcript: .*transcript attached/m);

    // The sink received exactly one acknowledgement per applicant and vacancy, none to the Outlook sender who
    // asked for none, and nothing to the out-of-office auto-reply's sender.
    expect(stdout).toContain('The SMTP server received 7 messages, saved in demo-output/replies/');
    const sent = stdout
      .split('\n')
      .map((line) => /^ {2}(\S+@\S+) +(\w+) +Re: /.exec(line))
      .filter((match) => match !== null)
      .map((match) => `${match[1]} ${match[2]}`);
    expect(sent.sort()).toEqual([
      'ada.lovelace@example.org acknowledgement',
      'amara.nwosu@example.ng information',
      'bo.zhang@example.net acknowledgement',
      'bo.zhang@example.net complete',
      'carlos.perez@example.es acknowledgement',
      'li.ming@example.cn acknowledgement',
      'mei.tanaka@example.jp information',
    ]);
    // None to the colleague, though her mail speaks of a topic of the call.
    expect(stdout).not.toMatch(/^ {2}giulia\.rossi@/m);
    expect(stdout).toMatch(
      /^Checked: exactly one acknowledgement per applicant and vacancy \(6 applicants, one each\); Elif Kaya asked for no automatic replies and got none\.$/m,
    );
    expect(stdout).not.toContain('WARNING');
    expect(readdirSync(REPLIES).sort()).toEqual(
      [
        '01-ada-lovelace-acknowledgement',
        '02-bo-zhang-acknowledgement',
        '03-carlos-perez-acknowledgement',
        '05-bo-zhang-complete',
        '10-li-ming-acknowledgement',
        '12-amara-nwosu-information',
        '13-mei-tanaka-information',
      ].flatMap((name) => [`${name}.eml`, `${name}.txt`]),
    );

    expect(stdout).toMatch(/^Candidates \(7\)/m);
    const candidatesTable = stdout.slice(
      stdout.indexOf('Candidates (7)'),
      stdout.indexOf('Held for review ('),
    );
    const rows = candidatesTable
      .split('\n')
      .filter((line) => /^(robust-ai|med-imaging|medical-ai) /.test(line));
    expect(rows.map((row) => row.split(/\s{2,}/).slice(0, 2))).toEqual([
      ['robust-ai', 'Ada Lovelace'],
      ['robust-ai', 'Bo Zhang'],
      ['robust-ai', 'Carlos Pérez'],
      ['robust-ai', 'Elif Kaya'],
      ['med-imaging', '李明 (Li Ming)'],
      ['medical-ai', 'Amara Nwosu'],
      ['medical-ai', 'Mei Tanaka'],
    ]);
    // The registration form: Ada by address, Bo by name (another address), Carlos and Elif not found; then the
    // HISTORY and REFERENCES columns (none for them: Ada's referee's letter gives her both).
    expect(rows[1]).toMatch(
      /registered \(by name "Bo Zhang", form line 3; address bozhang\.iitd@gmail\.example\) +- +-$/,
    );
    expect(rows[2]).toMatch(/not registered +- +-$/);
    expect(readFileSync(join(REPLIES, '03-carlos-perez-acknowledgement.txt'), 'utf8')).toContain(
      'I could not find you among those who registered their interest on the form',
    );
    expect(boText).not.toContain('I could not find you');
    expect(stdout).toMatch(/^ {2}INBOX +5 messages$/m);
    expect(stdout).toMatch(/^ {4}medical-ai +2 messages$/m);
    // Ada's application and its redelivery, Bo's two, Carlos', Elif's and the referee's letter for Ada.
    expect(stdout).toMatch(/^ {4}robust-ai +7 messages$/m);
    expect(stdout).toMatch(/^ {4}med-imaging +1 message$/m);
    expect(stdout).toMatch(/npm run triage -- check/);
    // It ends with the supervisor's digest, written out for a person to look at.
    expect(stdout).toMatch(/^ {2}sent {2}chen@uni\.example \(robust-ai, med-imaging, medical-ai\)$/m);
    expect(stdout).toMatch(/^ {2}HTML: +demo-output\/digest\.html$/m);
    const digest = await readFile(new URL('../../demo-output/digest.html', import.meta.url), 'utf8');
    expect(digest).toContain('Bo Zhang');
    expect(digest).not.toMatch(/https?:\/\/|src=/);

    const prefix = /keys under "(demo-[0-9a-f]{8}):"/.exec(stdout)?.[1];
    expect(prefix).toBeDefined();
    expect(await keysUnder(prefix ?? '')).toEqual([]);
  }, 120_000);

  it('exits 1 and says how to start Redis when it cannot reach it', async () => {
    const { code, stdout, stderr } = await runDemo('redis://127.0.0.1:1');
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('Cannot reach Redis at redis://127.0.0.1:1');
    expect(stderr).toContain('redis-server --daemonize yes');
    expect(stderr).toContain('REDIS_URL=redis://host:port npm run demo');
  }, 30_000);
});
