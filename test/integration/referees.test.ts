import { simpleParser } from 'mailparser';
import { describe, expect, it, vi } from 'vitest';
import { readDaemonStatus } from '../../src/adapters/redis/read-daemon-status.ts';
import { formatStatus } from '../../src/cli/format-status.ts';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runExportPerson } from '../../src/cli/run-export-person.ts';
import { runForget } from '../../src/cli/run-forget.ts';
import { buildMail, pdfAttachment } from '../support/build-mail.ts';
import { priyasApplication, REQUIRING_REFERENCE } from '../support/referee-mail.ts';
import { useDaemonEnvironment, waitForMessage } from '../support/daemon-environment.ts';
import { waitFor } from '../support/wait-for.ts';

const { servers, setup, start } = useDaemonEnvironment();

const SMITH = 'Dr John Smith <j.smith@kcl.example.ac.uk>';
const ROSSI = 'Prof. Maria Rossi <m.rossi@polimi.example.it>';

const sentTo = (address: string) => servers.sink.messages.filter((message) => message.to.includes(address));
const waitForAcknowledgement = () =>
  waitFor('the acknowledgement to Priya', () =>
    sentTo('priya.raman@mail.example.com').length === 1 ? true : undefined,
  );

async function smithsLetter(): Promise<Buffer> {
  return buildMail({
    from: SMITH,
    messageId: '<smith-ref@kcl.example.ac.uk>',
    subject: '[PHD-robustAI] Reference for Priya Raman',
    text: "Dear Dr Chen,\n\nPlease find attached my letter of reference for Ms Priya Raman.\n\nBest regards,\nJohn Smith\nSenior Lecturer, Department of Informatics\nKing's College London",
    attachments: [await pdfAttachment('Reference_Priya_Raman.pdf')],
  });
}

async function rossisLetter(): Promise<Buffer> {
  return buildMail({
    from: ROSSI,
    messageId: '<rossi-ref@polimi.example.it>',
    subject: 'Letter of recommendation for Raman, Priya',
    text: 'Dear Dr Chen,\n\nI am pleased to recommend Ms Priya Raman for the PhD position. She was a student in my course on Machine Learning and her thesis was written under my supervision. I recommend her without reservation.\n\nYours sincerely,\nMaria Rossi\nProfessor of Computer Engineering',
    attachments: [],
  });
}

describe("referees' letters", () => {
  it('referee-before-applicant: held, then linked when the application arrives; one acknowledgement, none to the referee', async () => {
    const { config, mail, store, filed, prefix } = await setup('ref-before', REQUIRING_REFERENCE);
    await start(config);
    await mail.append(await smithsLetter());
    await waitFor('the letter held', async () =>
      (await servers.redis.hlen(`${prefix}:held-references:chen`)) === 1 ? true : undefined,
    );
    expect(await store.list(['robust-ai'])).toEqual([]);
    const heldLetters = async () => (await readDaemonStatus(servers.redis, config)).mailboxes[0]?.heldLetters;
    expect(await heldLetters()).toBe(1);
    expect(formatStatus(await readDaemonStatus(servers.redis, config))).toMatch(
      /held letters.*\n.*chen.* 1 /,
    );
    await mail.append(await priyasApplication());
    const candidate = await waitFor('the letter linked and filed', async () => {
      const [record] = await store.list(['robust-ai']);
      return record?.references[0]?.filedTo && record.replies.length > 0 ? record : undefined;
    });
    await waitForMessage(mail, filed, '<smith-ref@kcl.example.ac.uk>');
    expect(candidate.email).toBe('priya.raman@mail.example.com');
    expect(candidate.references).toMatchObject([
      {
        key: '<smith-ref@kcl.example.ac.uk>',
        referee: { name: 'Dr John Smith', address: 'j.smith@kcl.example.ac.uk' },
        linkedBy: { rule: 'name', detail: 'names "Priya Raman"' },
        filedTo: filed,
      },
    ]);
    expect(candidate.documents.map((document) => [document.filename, document.kind])).toEqual([
      ['CV_Priya_Raman.pdf', 'cv'],
      ['Reference_Priya_Raman.pdf', 'reference'],
    ]);
    expect(candidate.missing).toEqual(['transcript']);
    expect(candidate.history.map((entry) => [entry.action, entry.by])).toEqual([['reference', 'daemon']]);
    expect(candidate.history[0]?.detail).toMatch(/linked by name: names "Priya Raman"; referee's mail/);
    expect(await servers.redis.hlen(`${prefix}:held-references:chen`)).toBe(0);
    expect(await heldLetters()).toBe(0);
    expect(candidate.replies.map((reply) => [reply.kind, reply.to])).toEqual([
      ['acknowledgement', 'priya.raman@mail.example.com'],
    ]);
    expect(sentTo('priya.raman@mail.example.com')).toHaveLength(1);
    expect(sentTo('j.smith@kcl.example.ac.uk')).toHaveLength(0);
    expect(await store.list(['robust-ai', 'med-imaging'])).toHaveLength(1);
    // The acknowledgement tells the truth: the letter that came first is not asked for again.
    const ack = (await simpleParser(sentTo('priya.raman@mail.example.com')[0]?.raw ?? '')).text ?? '';
    expect(ack).toMatch(/missing:\n- academic transcript/);
    expect(ack).not.toMatch(/- reference letter: please reply/);
  });

  it('referee-after-applicant: an untagged letter in the body, naming "Raman, Priya", linked at once', async () => {
    const { config, mail, store, filed, prefix } = await setup('ref-after', REQUIRING_REFERENCE);
    await start(config);
    await mail.append(await priyasApplication());
    await waitForAcknowledgement();
    const [, before] = await servers.redis.zrange(`${prefix}:changed:robust-ai`, '0', '-1', 'WITHSCORES');
    await mail.append(await rossisLetter());
    await waitForMessage(mail, filed, '<rossi-ref@polimi.example.it>');
    const candidate = await waitFor('the letter linked and filed', async () => {
      const [record] = await store.list(['robust-ai']);
      return record?.references[0]?.filedTo ? record : undefined;
    });
    expect(candidate.references[0]).toMatchObject({
      referee: { name: 'Prof. Maria Rossi', address: 'm.rossi@polimi.example.it' },
      linkedBy: { rule: 'name' },
    });
    expect(candidate.documents.map((document) => [document.filename, document.kind])).toContainEqual([
      'letter in the message body',
      'reference',
    ]);
    expect(candidate.missing).toEqual(['transcript']);
    expect(candidate.messages.map((message) => message.key)).toEqual(['<priya-app@mail.example.com>']);
    expect(sentTo('m.rossi@polimi.example.it')).toHaveLength(0);
    // The letter is news for the digests: Priya's candidate is changed again after her application.
    const [, after] = await servers.redis.zrange(`${prefix}:changed:robust-ai`, '0', '-1', 'WITHSCORES');
    expect(Number(after)).toBeGreaterThan(Number(before));
    expect(sentTo('priya.raman@mail.example.com')).toHaveLength(1);
    expect(await store.list(['robust-ai', 'med-imaging'])).toHaveLength(1);
  });

  it('referee-in-the-thread: a letter replying to the application is linked by thread, not merged as a follow-up', async () => {
    const { config, mail, store } = await setup('ref-thread');
    await start(config);
    await mail.append(await priyasApplication());
    await waitForAcknowledgement();
    await mail.append(
      await buildMail({
        from: SMITH,
        messageId: '<smith-thread@kcl.example.ac.uk>',
        subject: 'Re: [PHD-robustAI] Application - Priya Raman',
        inReplyTo: '<priya-app@mail.example.com>',
        references: ['<priya-app@mail.example.com>'],
        text: 'Dear Dr Chen,\n\nPriya asked me to send you a letter in support of her application. It is attached; she was a student in my course and I supervised her final-year project.\n\nKind regards,\nJohn Smith',
        attachments: [await pdfAttachment('letter.pdf')],
      }),
    );
    const candidate = await waitFor('the letter linked and filed', async () => {
      const [record] = await store.list(['robust-ai']);
      return record?.references[0]?.filedTo ? record : undefined;
    });
    expect(candidate.references[0]?.linkedBy.rule).toBe('thread');
    expect(candidate.messages).toHaveLength(1);
    expect(candidate.documents.find((document) => document.filename === 'letter.pdf')?.kind).toBe(
      'reference',
    );
    expect(sentTo('j.smith@kcl.example.ac.uk')).toHaveLength(0);
    expect(sentTo('priya.raman@mail.example.com')).toHaveLength(1);
  });

  it('referee-receipt: with replies.refereeReceipts on, the referee gets one short receipt, threaded, naming nothing of the applicant', async () => {
    const { config, mail, store, filed } = await setup('ref-receipt', {
      ...REQUIRING_REFERENCE,
      replies: { refereeReceipts: true },
    });
    await start(config);
    await mail.append(await priyasApplication());
    await waitForAcknowledgement();
    await mail.append(await smithsLetter());
    await mail.append(await smithsLetter()); // delivered twice
    const [receipt] = await waitFor('the receipt to the referee', () => {
      const sent = sentTo('j.smith@kcl.example.ac.uk');
      return sent.length > 0 ? sent : undefined;
    });
    const parsed = await simpleParser(receipt?.raw ?? '');
    expect(parsed.inReplyTo).toBe('<smith-ref@kcl.example.ac.uk>');
    expect(parsed.subject).toBe('Re: [PHD-robustAI] Reference for Priya Raman');
    expect(parsed.headers.get('auto-submitted')).toBe('auto-replied');
    expect(parsed.text).toMatch(/^Dear Dr John Smith,\n/);
    expect(parsed.text).toContain('your letter about an applicant for the position');
    expect(parsed.text).not.toMatch(/priya|CV_Priya/i);
    const candidate = await waitFor('the receipt recorded', async () => {
      const [record] = await store.list(['robust-ai']);
      return record?.replies.some((reply) => reply.kind === 'reference-receipt') ? record : undefined;
    });
    // Both copies filed: the second one's link changed nothing, and its receipt job met the ledger.
    await waitFor('both copies filed', async () =>
      (await mail.messageIds(filed)).filter((id) => id === '<smith-ref@kcl.example.ac.uk>').length === 2
        ? true
        : undefined,
    );
    expect(candidate.replies.map((reply) => [reply.kind, reply.to])).toEqual([
      ['acknowledgement', 'priya.raman@mail.example.com'],
      ['reference-receipt', 'j.smith@kcl.example.ac.uk'],
    ]);
    expect(sentTo('j.smith@kcl.example.ac.uk')).toHaveLength(1);
    expect(sentTo('priya.raman@mail.example.com')).toHaveLength(1);
  });

  it('forget-held: a held letter goes with its referee, and with the applicant it names', async () => {
    const { config, mail, prefix, store } = await setup('ref-forget');
    await start(config);
    const held = `${prefix}:held-references:chen`;
    await mail.append(await smithsLetter());
    await mail.append(await priyasApplication());
    // A letter tagged for the other vacancy waits: Priya applied to robust-ai only.
    await mail.append(
      await buildMail({
        from: ROSSI,
        messageId: '<rossi-medim@polimi.example.it>',
        subject: '[DPHIL-MedIm] Reference for Priya Raman',
        text: 'Dear Dr Chen,\n\nI am pleased to recommend Ms Priya Raman. She was a student in my course.\n\nMaria Rossi',
        attachments: [await pdfAttachment('Reference_Priya_Raman_MedIm.pdf')],
      }),
    );
    // Smith's letter on Priya's record (mails may be taken up in any order, so it may be held for a while first).
    await waitFor('one letter linked, one held', async () => {
      const keys = await servers.redis.hkeys(held);
      const [priya] = await store.list(['robust-ai']);
      return keys.length === 1 &&
        keys[0] === '<rossi-medim@polimi.example.it>' &&
        priya?.references.length === 1
        ? true
        : undefined;
    });
    expect((await exportPerson(config, 'm.rossi@polimi.example.it')).refereeLetters).toMatchObject([
      { state: 'held', vacancy: 'med-imaging', folder: null, documents: ['Reference_Priya_Raman_MedIm.pdf'] },
    ]);
    expect(await forget(config, 'm.rossi@polimi.example.it', true)).toContain(
      "1 referee's letter held for a candidate (from them or about them)",
    );
    expect(await servers.redis.hlen(held)).toBe(1);
    // Priya's record names her: the letter naming her goes with her record.
    const printed = await forget(config, 'priya.raman@mail.example.com', false);
    expect(printed).toContain('1 candidate record (robust-ai)');
    expect(printed).toContain("1 referee's letter held for a candidate (from them or about them)");
    expect(await servers.redis.hlen(held)).toBe(0);
  });

  it("forget-referee: a linked letter leaves the applicant's record with its document, and with --mail the mailbox; her own mail stays", async () => {
    const { config, mail, store, filed } = await setup('ref-forget-linked', REQUIRING_REFERENCE);
    await start(config);
    await mail.append(await priyasApplication());
    await waitForAcknowledgement();
    await mail.append(await smithsLetter());
    await waitFor('the letter linked and filed', async () => {
      const [record] = await store.list(['robust-ai']);
      return record?.references[0]?.filedTo ? true : undefined;
    });
    await waitForMessage(mail, filed, '<smith-ref@kcl.example.ac.uk>');
    // What a subject access request of the referee shows: the letter, where it is, not the applicant's record.
    expect((await exportPerson(config, 'j.smith@kcl.example.ac.uk')).refereeLetters).toMatchObject([
      {
        state: 'linked',
        vacancy: 'robust-ai',
        mailbox: 'chen',
        messageId: '<smith-ref@kcl.example.ac.uk>',
        subject: '[PHD-robustAI] Reference for Priya Raman',
        folder: filed,
        documents: ['Reference_Priya_Raman.pdf'],
      },
    ]);
    const line = "1 letter they wrote as a referee, on 1 applicant's record, with 1 document";
    const planned = await forget(config, 'j.smith@kcl.example.ac.uk', true, true);
    expect(planned).toContain(line);
    expect(planned).toContain('1 filed message to delete from the mailbox');
    expect((await store.list(['robust-ai']))[0]?.references).toHaveLength(1);

    const printed = await forget(config, 'j.smith@kcl.example.ac.uk', false, true);
    expect(printed).toContain(line);
    expect(printed).toContain('1 filed message deleted from the mailbox');
    const [record] = await store.list(['robust-ai']);
    expect(record?.email).toBe('priya.raman@mail.example.com');
    expect(record?.references).toEqual([]);
    expect(record?.documents.map((document) => document.filename)).toEqual(['CV_Priya_Raman.pdf']);
    expect(record?.missing).toEqual(['transcript', 'reference']);
    expect(JSON.stringify(record)).not.toMatch(/smith/i);
    expect(record?.history.at(-1)).toMatchObject({ action: 'erasure', by: 'operator' });
    const left = await mail.messageIds(filed);
    expect(left).not.toContain('<smith-ref@kcl.example.ac.uk>');
    expect(left).toContain(record?.messages[0]?.messageId);
    // Forgetting the referee again finds nothing on the record, and nothing of theirs is exported.
    expect(await forget(config, 'j.smith@kcl.example.ac.uk', true, true)).not.toContain('as a referee');
    expect((await exportPerson(config, 'j.smith@kcl.example.ac.uk')).refereeLetters).toEqual([]);
  });
});

/** Runs `export-person` as the CLI does (quietly), and returns the person.json it wrote. */
async function exportPerson(config: Parameters<typeof runExportPerson>[0], address: string) {
  const out = path.join(await mkdtemp(path.join(tmpdir(), 'triage-sar-')), 'export');
  const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  try {
    await runExportPerson(config, address, { out });
  } finally {
    write.mockRestore();
  }
  return JSON.parse(await readFile(path.join(out, 'person.json'), 'utf8')) as { refereeLetters: unknown[] };
}

/** Runs `forget` as the CLI does, and returns what it printed. */
async function forget(
  config: Parameters<typeof runForget>[0],
  address: string,
  dryRun: boolean,
  mail = false,
) {
  const printed: string[] = [];
  const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    printed.push(String(chunk));
    return true;
  });
  try {
    await runForget(config, address, { dryRun, mail });
  } finally {
    write.mockRestore();
  }
  return printed.join('');
}
