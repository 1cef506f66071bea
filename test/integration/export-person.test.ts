import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runExportPerson } from '../../src/cli/run-export-person.ts';
import type { Config } from '../../src/config/schema.ts';
import { CVS_A } from '../accuracy/labelled/cvs-a.ts';
import { buildMail } from '../support/build-mail.ts';
import { useDaemonEnvironment } from '../support/daemon-environment.ts';
import { buildDocument } from '../support/documents/build-document.ts';
import { waitFor } from '../support/wait-for.ts';

const { setup, start } = useDaemonEnvironment();

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'triage-export-person-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Runs the command as the CLI does, and returns the lines it printed. */
async function exportPerson(config: Config, address: string, out: string): Promise<string[]> {
  const printed: string[] = [];
  const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    printed.push(String(chunk));
    return true;
  });
  try {
    await runExportPerson(config, address, { out });
  } finally {
    write.mockRestore();
  }
  return printed.join('').split('\n').filter(Boolean);
}

const mode = async (file: string) => (await stat(file)).mode & 0o777;

describe('triage export-person (real Dovecot, Redis and SMTP sink)', () => {
  it('writes what is held about an applicant the daemon recorded and answered, owner-only, and never over an export', async () => {
    const cv = CVS_A.find((document) => document.id === 'cv-uk-one-column');
    if (!cv) throw new Error('no labelled CV cv-uk-one-column');
    const { mail, config, store } = await setup('export-person', {
      export: { dir: path.join(dir, 'documents') },
      vacancies: [
        {
          id: 'robust-ai',
          tag: 'PHD-robustAI',
          title: 'PhD in Robust and Adaptive AI for Medical Imaging',
          supervisors: ['chen@uni.example'],
          documents: { required: ['cv', 'transcript'] },
          keywords: ['PyTorch', 'segmentation'],
        },
      ],
    });
    await start(config);
    await mail.append(
      await buildMail({
        from: '"Eleanor Hughes" <eleanor.hughes@example.ac.uk>',
        messageId: '<eleanor-export@example.ac.uk>',
        attachments: [
          {
            filename: 'CV.pdf',
            content: await buildDocument(cv.spec, 'pdf'),
            contentType: 'application/pdf',
          },
        ],
      }),
    );
    const recorded = await waitFor(
      'the acknowledgement recorded',
      async () => {
        const [record] = await store.list(['robust-ai']);
        return record?.replies.some((reply) => reply.status === 'sent') ? record : undefined;
      },
      30_000,
    );

    const out = path.join(dir, 'sar-1');
    const printed = await exportPerson(config, ' Eleanor.Hughes@Example.AC.uk ', out);
    expect(printed).toEqual([
      `wrote ${path.join(out, 'person.json')}`,
      `wrote ${path.join(out, 'summary.txt')}`,
      '1 candidate record, 1 message, 1 document, 0 enquiries, 1 reply-ledger entry',
    ]);
    expect(await mode(out)).toBe(0o700);
    expect(await mode(path.join(out, 'person.json'))).toBe(0o600);
    expect(await mode(path.join(out, 'summary.txt'))).toBe(0o600);

    const json = JSON.parse(await readFile(path.join(out, 'person.json'), 'utf8')) as Record<string, unknown>;
    expect(json.subject).toBe('eleanor.hughes@example.ac.uk');
    expect(json.candidates).toEqual([recorded]);
    const [candidate] = json.candidates as (typeof recorded)[];
    expect(candidate?.documents.map((document) => [document.filename, document.kind])).toEqual([
      ['CV.pdf', 'cv'],
    ]);
    expect(candidate?.documents[0]?.reading).toMatchObject({ kindSource: 'content' });
    expect(candidate?.documents[0]?.reading?.evidence.length).toBeGreaterThan(0);
    const acknowledgement = candidate?.replies.find((reply) => reply.kind === 'acknowledgement');
    expect(acknowledgement).toMatchObject({ status: 'sent', to: 'eleanor.hughes@example.ac.uk' });
    expect(json.replyLedger).toEqual([
      { scope: 'robust-ai', kind: 'acknowledgement', state: 'sent', messageId: acknowledgement?.detail },
    ]);
    expect(json.bounceSuppressed).toBe(false);
    expect(json.exportedDocuments).toEqual([
      {
        candidateId: recorded.id,
        folder: path.join(dir, 'documents', recorded.id),
        files: [expect.stringMatching(/^CV-[0-9a-f]{8}\.pdf$/)],
      },
    ]);

    const summary = (await readFile(path.join(out, 'summary.txt'), 'utf8')).split('\n');
    expect(summary).toEqual(
      expect.arrayContaining([
        'Personal data held by applicant-triage about eleanor.hughes@example.ac.uk',
        '  Name: Eleanor Hughes',
        '  Missing: transcript',
      ]),
    );
    expect(summary.some((line) => /^ {4}CV\.pdf: cv, \d+ bytes/.test(line))).toBe(true);
    expect(summary.some((line) => line.startsWith('      kind decided from the content: '))).toBe(true);
    expect(summary.some((line) => /^ {4}Degree: BSc .*University of Leeds/.test(line))).toBe(true);
    expect(
      summary.some((line) => / {2}acknowledgement sent to eleanor\.hughes@example\.ac\.uk/.test(line)),
    ).toBe(true);

    // A second export into the same folder is refused, and the first one is left as it was.
    const before = await readFile(path.join(out, 'person.json'), 'utf8');
    await expect(runExportPerson(config, 'eleanor.hughes@example.ac.uk', { out })).rejects.toMatchObject({
      code: 'input-invalid',
    });
    expect(await readFile(path.join(out, 'person.json'), 'utf8')).toBe(before);
    // So is a file, and a folder with anything in it.
    await writeFile(path.join(dir, 'a-file'), 'x');
    await expect(
      runExportPerson(config, 'eleanor.hughes@example.ac.uk', { out: path.join(dir, 'a-file') }),
    ).rejects.toMatchObject({ code: 'input-invalid' });
    await expect(
      runExportPerson(config, 'not an address', { out: path.join(dir, 'sar-x') }),
    ).rejects.toMatchObject({ code: 'input-invalid' });
    await expect(stat(path.join(dir, 'sar-x'))).rejects.toMatchObject({ code: 'ENOENT' });

    // Someone the daemon never saw: an empty folder is fine, and the answer says nothing is held.
    const empty = path.join(dir, 'sar-2');
    await mkdir(empty);
    expect(await exportPerson(config, 'nobody@example.org', empty)).toEqual([
      `wrote ${path.join(empty, 'person.json')}`,
      `wrote ${path.join(empty, 'summary.txt')}`,
      'Nothing is held about nobody@example.org.',
    ]);
    expect((await readdir(empty)).sort()).toEqual(['person.json', 'summary.txt']);
    expect(await readFile(path.join(empty, 'summary.txt'), 'utf8')).toContain(
      'Nothing is held about nobody@example.org.',
    );
  });
});
