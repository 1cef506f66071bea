import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCandidateProfile } from '../../src/candidates/candidate-profile.ts';
import { buildMail } from '../support/build-mail.ts';
import { useDaemonEnvironment } from '../support/daemon-environment.ts';
import { cvPdf, OCR_INSTALLED, rasterise } from '../support/documents/scans.ts';
import { runCli } from '../support/run-cli.ts';
import { rawTestConfig, robustAiOnly } from '../support/test-config.ts';
import { waitFor, waitForFiledCandidate } from '../support/wait-for.ts';

const { servers, setup, start } = useDaemonEnvironment();

// The CV is the only required document; OCR reads English only, to keep the test's time down on two cores.
const OVERRIDES = {
  ...robustAiOnly(['PyTorch', 'segmentation'], ['cv']),
  extraction: { ocr: { languages: ['eng'] } },
};

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'triage-scans-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe.skipIf(!OCR_INSTALLED)(
  'a scanned CV read by OCR through the daemon (real Dovecot, Redis, SMTP sink)',
  () => {
    it('scanned-cv-jpeg: the only CV is a photo of one; it is read, recorded as a cv, and not asked for again', async () => {
      const { mail, config, store, prefix } = await setup('scanned-cv', OVERRIDES);
      await start(config);
      const raw = await buildMail({
        from: '"Eleanor Hughes" <eleanor.hughes@example.ac.uk>',
        messageId: '<scanned-cv@example.ac.uk>',
        attachments: [
          // A name that says nothing: the kind can only come from the text OCR reads.
          {
            filename: 'IMG_20261201_0932.jpg',
            content: rasterise(await cvPdf(), 'jpeg', 150),
            contentType: 'image/jpeg',
          },
        ],
      });
      await mail.append(raw);
      const candidate = await waitForFiledCandidate(store, 'robust-ai', 120_000);
      const [document] = candidate.documents;
      expect(document).toMatchObject({ filename: 'IMG_20261201_0932.jpg', kind: 'cv' });
      expect(document?.reading?.kindSource).toBe('content');
      expect(document?.reading?.extraction).toMatchObject({
        status: 'ok',
        format: 'image',
        textSource: 'ocr',
        ocrPages: 1,
      });
      expect(candidate.missing).toEqual([]);
      const profile = buildCandidateProfile(candidate);
      expect(profile.name).toMatchObject({ value: 'Eleanor Hughes', match: 'match' });
      expect(profile.keywords.find((entry) => entry.keyword === 'PyTorch')?.foundIn).toEqual([
        'IMG_20261201_0932.jpg (OCR)',
      ]);

      // One acknowledgement, which asks for nothing.
      const reply = await waitFor('the acknowledgement', () => servers.sink.messages[0]);
      const text = (await simpleParser(reply.raw)).text ?? '';
      expect(text).toContain('IMG_20261201_0932.jpg');
      expect(text).not.toMatch(/still missing|not yet received/i);
      await new Promise((resolve) => setTimeout(resolve, 2000));
      expect(servers.sink.messages).toHaveLength(1);

      // explain, offline, reads the same scan the same way and says where the text came from.
      const eml = path.join(dir, 'scanned-cv.eml');
      const file = path.join(dir, 'scanned-cv.json');
      await writeFile(eml, raw);
      const noServers = { imap: { host: '127.0.0.1', port: 1, user: 'x', pass: 'x' }, smtpPort: 1, prefix };
      await writeFile(file, JSON.stringify(rawTestConfig(noServers, OVERRIDES)));
      const explained = await runCli(['--config', file, 'explain', eml]);
      expect(explained.stderr).toBe('');
      expect(explained.stdout).toMatch(/IMG_20261201_0932\.jpg \[cv\]/);
      expect(explained.stdout).toMatch(/read: image, ok, text by OCR \(Tesseract\), 1 page/);
    });
  },
);
