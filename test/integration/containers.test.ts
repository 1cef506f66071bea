import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { candidateJson } from '../../src/cli/format-candidates.ts';
import { CVS_A } from '../accuracy/labelled/cvs-a.ts';
import type { LabelledDocument } from '../accuracy/labelled/labelled-document.ts';
import { TRANSCRIPTS_A } from '../accuracy/labelled/transcripts-a.ts';
import { buildMail } from '../support/build-mail.ts';
import { buildOutlookMsg } from '../support/build-outlook-msg.ts';
import { buildTnef } from '../support/build-tnef.ts';
import { useDaemonEnvironment } from '../support/daemon-environment.ts';
import { buildDocument } from '../support/documents/build-document.ts';
import { truncatedTnef } from '../support/hostile-containers.ts';
import { robustAiOnly } from '../support/test-config.ts';
import { waitFor, waitForFiledCandidate } from '../support/wait-for.ts';

const { servers, setup, start } = useDaemonEnvironment();

const VACANCIES = robustAiOnly(['PyTorch', 'segmentation']);

async function built(set: readonly LabelledDocument[], id: string): Promise<Buffer> {
  const found = set.find((document) => document.id === id);
  if (!found) throw new Error(`no labelled document ${id}`);
  return buildDocument(found.spec, found.format, found.build);
}

describe('containers read by the daemon (real Dovecot, Redis, SMTP sink)', () => {
  it('a CV inside winmail.dat and a transcript inside a forwarded .msg: one acknowledgement, nothing missing', async () => {
    const { mail, config, store } = await setup('containers', VACANCIES);
    await start(config);
    const winmail = buildTnef([
      { filename: 'CV.pdf', content: await built(CVS_A, 'cv-uk-one-column'), mimeType: 'application/pdf' },
    ]);
    const forwarded = buildOutlookMsg({
      subject: 'Your transcript of records',
      body: 'Please find your transcript attached.',
      attachments: [
        { filename: 'Records.pdf', content: await built(TRANSCRIPTS_A, 'transcript-uk-percent-class') },
      ],
    });
    await mail.append(
      await buildMail({
        from: '"Eleanor Hughes" <eleanor.hughes@example.ac.uk>',
        messageId: '<eleanor-outlook@example.ac.uk>',
        attachments: [
          { filename: 'winmail.dat', content: winmail, contentType: 'application/ms-tnef' },
          { filename: 'Fwd records.msg', content: forwarded, contentType: 'application/vnd.ms-outlook' },
          { filename: 'old.dat', content: truncatedTnef(), contentType: 'application/ms-tnef' },
        ],
      }),
    );
    const candidate = await waitForFiledCandidate(store, 'robust-ai', 60_000);
    expect(
      candidate.documents.map((document) => [document.within, document.filename, document.kind]),
    ).toEqual([
      [['winmail.dat'], 'CV.pdf', 'cv'],
      [['Fwd records.msg'], 'Records.pdf', 'transcript'],
      [[], 'old.dat', 'other'],
    ]);
    expect(candidate.documents.map((document) => document.reading?.extraction.status)).toEqual([
      'ok',
      'ok',
      'corrupt',
    ]);
    expect(candidate.missing).toEqual([]);
    expect(candidate.flags).toContain('unreadable-document');
    expect(candidateJson(candidate).documents.map((document) => document.within)).toEqual([
      ['winmail.dat'],
      ['Fwd records.msg'],
      [],
    ]);

    const reply = await waitFor('the acknowledgement', () => servers.sink.messages[0]);
    const text = (await simpleParser(reply.raw)).text ?? '';
    expect(text).toContain('CV.pdf');
    expect(text).not.toMatch(/still missing|not yet received/i);
    // Exactly one: the reply is recorded, and no second one follows.
    await waitFor('the reply recorded', async () => {
      const [record] = await store.list(['robust-ai']);
      return record?.replies.some((entry) => entry.status === 'sent') ? record : undefined;
    });
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(servers.sink.messages).toHaveLength(1);
  });
});
