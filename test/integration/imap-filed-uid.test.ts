import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AnsweredBatches } from '../../src/adapters/imap/answered-batches.ts';
import { buildMail } from '../support/build-mail.ts';
import { startDovecot, type DovecotServer } from '../support/dovecot.ts';
import {
  arriveAndFile,
  atUid,
  filedOf,
  moveAway,
  openGatewayWorld,
  type GatewayWorld,
} from '../support/gateway-world.ts';
import {
  countsSince,
  startImapCommandCounter,
  type ImapCommandCounter,
} from '../support/imap-command-counter.ts';

// The gateway's filing and \Answered over a counting proxy in front of a real Dovecot: what the user sees in
// the folders, and which IMAP commands it took.
let dovecot: DovecotServer;
let counter: ImapCommandCounter;
const worlds: GatewayWorld[] = [];

beforeAll(async () => {
  dovecot = await startDovecot();
  counter = await startImapCommandCounter(dovecot);
});

afterEach(async () => {
  for (const w of worlds.splice(0)) await w.close();
});

afterAll(async () => {
  await counter.close();
  await dovecot.stop();
});

async function world(name: string): Promise<GatewayWorld> {
  const w = await openGatewayWorld(dovecot, counter.port, name);
  worlds.push(w);
  return w;
}

describe('filing and \\Answered by UID', () => {
  it('filing reports the UID the message got in the filing folder and that folder UIDVALIDITY', async () => {
    const w = await world('filed-uid');
    const { where, outcome } = await arriveAndFile(w, '<filed-uid@example.org>');
    const filed = filedOf(outcome);
    expect(await atUid(w, w.folder, filed.uid)).toEqual({
      uidValidity: filed.uidValidity,
      messageId: '<filed-uid@example.org>',
      answered: false,
    });
    const before = counter.counts();
    const again = await w.gateway.file(
      w.mailbox,
      { ...where, messageId: '<filed-uid@example.org>' },
      'robust-ai',
    );
    expect(again).toEqual({ status: 'not-found', folder: w.folder });
    // No search: a MOVE, and after its empty answer a NOOP and the MOVE once more.
    expect(countsSince(before, counter.counts())).toEqual({ 'UID MOVE': 2, NOOP: 1 });
  });

  it('sets \\Answered by that UID on the flags connection, which stays on the filing folder', async () => {
    const w = await world('answered-uid');
    const first = filedOf((await arriveAndFile(w, '<first@example.org>')).outcome);
    await w.gateway.markAnswered(w.mailbox, {
      folder: w.folder,
      messageId: '<first@example.org>',
      filed: first,
    });
    const second = filedOf((await arriveAndFile(w, '<second@example.org>')).outcome);
    const before = counter.counts();
    await w.gateway.markAnswered(w.mailbox, {
      folder: w.folder,
      messageId: '<second@example.org>',
      filed: second,
    });
    const commands = countsSince(before, counter.counts());
    expect(await atUid(w, w.folder, first.uid)).toMatchObject({ answered: true });
    expect(await atUid(w, w.folder, second.uid)).toMatchObject({ answered: true });
    // The second message was moved in after the flags connection's last command: its first STORE may find it
    // not yet in view, and the STORE's own answer brings it. Never a SELECT or a search.
    expect(Object.keys(commands)).toEqual(['UID STORE']);
    expect(commands['UID STORE']).toBeLessThanOrEqual(2);
  });

  it('marks by Message-ID when the filing folder was re-created since (its UIDVALIDITY changed)', async () => {
    const w = await world('answered-recreated');
    const filed = filedOf((await arriveAndFile(w, '<recreated@example.org>')).outcome);
    await w.mail.client.mailboxDelete(w.folder);
    await w.mail.client.mailboxCreate(w.folder);
    await w.mail.append(await buildMail({ messageId: '<recreated@example.org>' }), w.folder);
    const now = await atUid(w, w.folder, 1);
    expect(now.uidValidity).not.toBe(filed.uidValidity);
    await w.gateway.markAnswered(w.mailbox, {
      folder: w.folder,
      messageId: '<recreated@example.org>',
      filed,
    });
    expect(await atUid(w, w.folder, 1)).toMatchObject({
      messageId: '<recreated@example.org>',
      answered: true,
    });
  });

  it('gone-from-its-uid: a message moved away by the supervisor is left alone, in a few commands, without error', async () => {
    const w = await world('answered-gone');
    const filed = filedOf((await arriveAndFile(w, '<gone@example.org>')).outcome);
    await w.mail.client.mailboxCreate('Elsewhere');
    await moveAway(w, filed.uid, 'Elsewhere');
    const before = counter.counts();
    await w.gateway.markAnswered(w.mailbox, { folder: w.folder, messageId: '<gone@example.org>', filed });
    const commands = countsSince(before, counter.counts());
    expect(await atUid(w, 'Elsewhere', 1)).toMatchObject({
      messageId: '<gone@example.org>',
      answered: false,
    });
    // Opening the flags connection, then a STORE, a NOOP, a STORE and a FETCH of its flags: nothing is retried.
    expect(commands).toMatchObject({ 'UID STORE': 2, NOOP: 1, 'UID FETCH': 1 });
    expect(commands['UID SEARCH']).toBeUndefined();
  });

  it('marks replies that come together in one batch: fewer STOREs than messages, every one \\Answered', async () => {
    const w = await world('answered-batch');
    const earlier = filedOf((await arriveAndFile(w, '<earlier@example.org>')).outcome);
    await w.gateway.markAnswered(w.mailbox, { folder: w.folder, messageId: null, filed: earlier });
    // Moved in after the flags connection's last command: not in its view until a STORE's answer brings them.
    const count = 8;
    const filed = [];
    for (let index = 0; index < count; index += 1)
      filed.push(filedOf((await arriveAndFile(w, `<batch-${index}@example.org>`)).outcome));
    const before = counter.counts();
    await Promise.all(
      filed.map((uid, index) =>
        w.gateway.markAnswered(w.mailbox, {
          folder: w.folder,
          messageId: `<batch-${index}@example.org>`,
          filed: uid,
        }),
      ),
    );
    const commands = countsSince(before, counter.counts());
    for (const uid of filed) expect(await atUid(w, w.folder, uid.uid)).toMatchObject({ answered: true });
    // One STORE for all of them, and one more for those it found not yet in view; one at a time would be 9.
    expect(commands['UID STORE']).toBeLessThanOrEqual(2);
    expect(Object.keys(commands)).toEqual(['UID STORE']);
  });

  it('marks replies that come one after another while busy in shared STOREs, not one each', async () => {
    const w = await world('answered-linger');
    const earlier = filedOf((await arriveAndFile(w, '<linger-earlier@example.org>')).outcome);
    const filed = [];
    for (let index = 0; index < 6; index += 1)
      filed.push(filedOf((await arriveAndFile(w, `<linger-${index}@example.org>`)).outcome));
    // The earlier reply's STORE brings all seven into the flags connection's view, and makes the folder busy.
    await w.gateway.markAnswered(w.mailbox, { folder: w.folder, messageId: null, filed: earlier });
    const before = counter.counts();
    const marks = [];
    for (const uid of filed) {
      marks.push(w.gateway.markAnswered(w.mailbox, { folder: w.folder, messageId: null, filed: uid }));
      await sleep(30);
    }
    await Promise.all(marks);
    const commands = countsSince(before, counter.counts());
    for (const uid of filed) expect(await atUid(w, w.folder, uid.uid)).toMatchObject({ answered: true });
    // 30 ms apart, each would go alone, in its own STORE (6); waiting 100 ms for company, they share two or three.
    expect(commands['UID STORE']).toBeLessThanOrEqual(3);
    expect(Object.keys(commands)).toEqual(['UID STORE']);
  });

  it('a reply after a quiet spell is marked at once: only a busy folder waits for company', async () => {
    const w = await world('answered-quiet');
    const filed = [];
    for (let index = 0; index < 2; index += 1)
      filed.push(filedOf((await arriveAndFile(w, `<quiet-${index}@example.org>`)).outcome));
    let clock = 0;
    // Waiting would take a minute and time the test out.
    const batches = new AnsweredBatches(
      (mailbox, folder, work) => w.connections.withFolder(mailbox.id, folder, work, 'flags'),
      { lingerMs: 60_000, busyWindowMs: 1000, now: () => clock },
    );
    const [first, second] = filed;
    if (!first || !second) throw new Error('not filed');
    expect(await batches.mark(w.mailbox, w.folder, first, null)).toBe(true);
    clock += 5000;
    expect(await batches.mark(w.mailbox, w.folder, second, null)).toBe(true);
  });

  it('batch-of-one-gone: in a batch, each caller learns about its own message; a gone one costs one FETCH', async () => {
    const w = await world('answered-batch-gone');
    const earlier = filedOf((await arriveAndFile(w, '<first-of-all@example.org>')).outcome);
    await w.gateway.markAnswered(w.mailbox, { folder: w.folder, messageId: null, filed: earlier });
    const filed = [];
    for (let index = 0; index < 5; index += 1)
      filed.push(filedOf((await arriveAndFile(w, `<batch-gone-${index}@example.org>`)).outcome));
    await w.mail.client.mailboxCreate('Elsewhere');
    const gone = filed[2];
    if (!gone) throw new Error('not filed');
    await moveAway(w, gone.uid, 'Elsewhere');
    const batches = new AnsweredBatches((mailbox, folder, work) =>
      w.connections.withFolder(mailbox.id, folder, work, 'flags'),
    );
    const before = counter.counts();
    const marked = await Promise.all(filed.map((uid) => batches.mark(w.mailbox, w.folder, uid, null)));
    const commands = countsSince(before, counter.counts());
    expect(marked).toEqual([true, true, false, true, true]);
    expect(await atUid(w, 'Elsewhere', 1)).toMatchObject({ answered: false });
    for (const uid of filed.filter((entry) => entry !== gone))
      expect(await atUid(w, w.folder, uid.uid)).toMatchObject({ answered: true });
    // Two STOREs at most for the batch (a NOOP when the first did not bring the missing one into view), then
    // one FETCH of the gone one's flags: nothing is retried further.
    expect(commands['UID STORE']).toBeLessThanOrEqual(2);
    expect(commands['UID FETCH']).toBe(1);
    expect(commands.NOOP ?? 0).toBeLessThanOrEqual(1);
  });
});
