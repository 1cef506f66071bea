import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { buildCandidateProfile } from '../../src/candidates/candidate-profile.ts';
import { CVS_A } from '../accuracy/labelled/cvs-a.ts';
import type { LabelledDocument } from '../accuracy/labelled/labelled-document.ts';
import { RESEARCH_A } from '../accuracy/labelled/research-a.ts';
import { TRANSCRIPTS_A } from '../accuracy/labelled/transcripts-a.ts';
import { buildMail } from '../support/build-mail.ts';
import { useDaemonEnvironment } from '../support/daemon-environment.ts';
import { buildDocument } from '../support/documents/build-document.ts';
import { buildPdf } from '../support/documents/build-pdf.ts';
import { greyPng } from '../support/documents/png.ts';
import { corruptPdf, zipBomb } from '../support/documents/hostile-documents.ts';
import { cvWithTricks } from '../support/documents/sample-specs.ts';
import { robustAiOnly } from '../support/test-config.ts';
import { waitFor, waitForFiledCandidate } from '../support/wait-for.ts';

const { servers, setup, start } = useDaemonEnvironment();

const VACANCIES = robustAiOnly(['PyTorch', 'segmentation', 'TensorFlow']);

function labelled(set: readonly LabelledDocument[], id: string): LabelledDocument {
  const found = set.find((document) => document.id === id);
  if (!found) throw new Error(`no labelled document ${id}`);
  return found;
}

async function attachment(document: LabelledDocument) {
  return {
    filename: document.filename,
    content: await buildDocument(document.spec, document.format, document.build),
    contentType: 'application/pdf',
  };
}

describe('documents read by the daemon (real Dovecot, Redis, SMTP sink)', () => {
  it('decides kinds from content, builds the profile, and a hostile file harms nothing', async () => {
    const { mail, config, store } = await setup('documents', VACANCIES);
    await start(config);
    await mail.append(
      await buildMail({
        from: '"Eleanor Hughes" <eleanor.hughes@example.ac.uk>',
        messageId: '<eleanor@example.ac.uk>',
        attachments: [
          await attachment(labelled(CVS_A, 'cv-uk-one-column')),
          // A transcript under a name that says nothing: the content decides.
          await attachment(labelled(TRANSCRIPTS_A, 'transcript-us-gpa4-misnamed')),
          await attachment(labelled(RESEARCH_A, 'research-paper-pdf')),
          { filename: 'Reference.pdf', content: await corruptPdf(), contentType: 'application/pdf' },
          {
            filename: 'Statement.docx',
            content: zipBomb('lying'),
            contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
          },
        ],
      }),
    );
    const candidate = await waitForFiledCandidate(store, 'robust-ai', 60_000);
    expect(
      candidate.documents.map((document) => [document.filename, document.kind, document.reading?.kindSource]),
    ).toEqual([
      ['CV.pdf', 'cv', 'content'],
      ['documents.pdf', 'transcript', 'content'],
      ['submission_1187.pdf', 'research', 'content'],
      ['Reference.pdf', 'reference', 'filename'],
      ['Statement.docx', expect.any(String), expect.any(String)],
    ]);
    expect(candidate.documents.map((document) => document.reading?.extraction.status)).toEqual([
      'ok',
      'ok',
      'ok',
      'corrupt',
      'too-large',
    ]);
    expect(candidate.missing).toEqual([]);
    expect(candidate.flags).toContain('unreadable-document');
    expect(candidate.flags).not.toContain('cv-name-mismatch');
    const profile = buildCandidateProfile(candidate);
    expect(profile.name).toMatchObject({ value: 'Eleanor Hughes', match: 'match' });
    const bachelor = profile.education.find((degree) => degree.level === 'bachelor');
    expect(bachelor?.institution).toContain('University of Leeds');
    expect(profile.bestResult).toMatchObject({ system: 'uk-class', band: 'first' });
    expect(profile.keywords.map((entry) => entry.keyword).sort()).toEqual(['PyTorch', 'segmentation']);
    expect(profile.keywords.find((entry) => entry.keyword === 'PyTorch')?.foundIn).toContain('CV.pdf');

    // Complete, because the content said "transcript": the acknowledgement asks for nothing.
    const reply = await waitFor('the acknowledgement', () => servers.sink.messages[0]);
    const text = (await simpleParser(reply.raw)).text ?? '';
    expect(text).toContain('documents.pdf');
    expect(text).not.toMatch(/still missing|not yet received/i);
  });

  it('flags hidden text and a CV in another name', async () => {
    const { mail, config, store } = await setup('hidden-text', VACANCIES);
    await start(config);
    await mail.append(
      await buildMail({
        messageId: '<hidden@example.org>',
        attachments: [
          {
            filename: 'CV_Jane_Doe.pdf',
            content: await buildDocument(cvWithTricks, 'pdf'),
            contentType: 'application/pdf',
          },
        ],
      }),
    );
    const candidate = await waitForFiledCandidate(store, 'robust-ai', 60_000);
    expect(candidate.flags).toEqual(expect.arrayContaining(['hidden-text', 'cv-name-mismatch']));
    const reading = candidate.documents[0]?.reading;
    expect(reading?.extraction.hiddenReasons.length).toBeGreaterThan(0);
    expect(reading?.extraction.hiddenSample).toMatch(/expert in everything|Nobel laureate|top candidate/);
    expect(buildCandidateProfile(candidate).name).toMatchObject({
      fromCv: 'José Núñez',
      fromSender: 'Jane Doe',
      match: 'mismatch',
    });
  });

  it("reads a CV of over a megabyte from the process's spool, and leaves nothing there", async () => {
    const parent = await mkdtemp(join(tmpdir(), 'triage-spool-test-'));
    try {
      // A spool of a process that no longer runs (pid 2^22 + 1 is past Linux's pid_max): removed at the start.
      await mkdtemp(join(parent, `applicant-triage-spool-${2 ** 22 + 1}-`));
      const { mail, config, store } = await setup('spooled', { ...VACANCIES, workers: { spoolDir: parent } });
      await start(config);
      const [spool, ...others] = await readdir(parent);
      expect(others).toEqual([]);
      expect(spool).toMatch(new RegExp(`^applicant-triage-spool-${process.pid}-`));
      // Noise does not deflate: a 1,100-pixel square figure makes the CV about 1.2 MB.
      const noise = randomBytes(1100 * 1100);
      const figure = greyPng(1100, 1100, (x, y) => noise[y * 1100 + x] ?? 0);
      const cv = labelled(CVS_A, 'cv-uk-one-column');
      const content = await buildPdf(cv.spec, { figure: (page) => (page === 0 ? figure : undefined) });
      expect(content.length).toBeGreaterThan(1024 * 1024);
      await mail.append(
        await buildMail({
          from: '"Eleanor Hughes" <eleanor.hughes@example.ac.uk>',
          messageId: '<eleanor-large@example.ac.uk>',
          attachments: [{ filename: 'CV.pdf', content, contentType: 'application/pdf' }],
        }),
      );
      const candidate = await waitForFiledCandidate(store, 'robust-ai', 60_000);
      expect(
        candidate.documents.map((document) => [document.kind, document.reading?.extraction.status]),
      ).toEqual([['cv', 'ok']]);
      expect(candidate.documents[0]?.size).toBe(content.length);
      await waitFor('the acknowledgement', () => servers.sink.messages[0]);
      expect(await readdir(join(parent, spool ?? ''))).toEqual([]);
    } finally {
      await rm(parent, { recursive: true, force: true });
    }
  });
});
