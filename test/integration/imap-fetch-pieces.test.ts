import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fetchMessage } from '../../src/adapters/imap/fetch-message.ts';
import { SpooledContent } from '../../src/documents/attachment-bytes.ts';
import { AttachmentSpool } from '../../src/mail/attachment-spool.ts';
import { parseMessage } from '../../src/mail/parse-message.ts';
import type { FetchedMessage } from '../../src/ports/mailbox-gateway.ts';
import { buildMail } from '../support/build-mail.ts';
import { startDovecot, type DovecotServer } from '../support/dovecot.ts';
import { openGatewayWorld, type GatewayWorld } from '../support/gateway-world.ts';
import {
  countsSince,
  startImapCommandCounter,
  type ImapCommandCounter,
} from '../support/imap-command-counter.ts';

// Fetching a message in pieces (partial FETCH) from a real Dovecot, through a proxy that counts the commands.
const PIECE = 1024 * 1024;
const LIMITS = { maxMessageBytes: 40 * 1024 * 1024, maxAttachments: 20 };

let dovecot: DovecotServer;
let counter: ImapCommandCounter;
let parent = '';
const worlds: GatewayWorld[] = [];

beforeAll(async () => {
  dovecot = await startDovecot();
  counter = await startImapCommandCounter(dovecot);
  parent = await mkdtemp(join(tmpdir(), 'fetch-pieces-'));
});

afterEach(async () => {
  for (const w of worlds.splice(0)) await w.close();
});

afterAll(async () => {
  await counter.close();
  await dovecot.stop();
  await rm(parent, { recursive: true, force: true });
});

async function arrived(
  name: string,
  raw: Buffer,
): Promise<{ w: GatewayWorld; uid: number; uidValidity: string }> {
  const w = await openGatewayWorld(dovecot, counter.port, name);
  worlds.push(w);
  const appended = await w.mail.client.append('INBOX', raw);
  if (appended === false || appended.uid === undefined || appended.uidValidity === undefined)
    throw new Error('append refused');
  return { w, uid: appended.uid, uidValidity: String(appended.uidValidity) };
}

async function fetchInPieces(
  w: GatewayWorld,
  where: { uid: number; uidValidity: string },
  spool: AttachmentSpool,
): Promise<{ fetched: FetchedMessage; fetches: number }> {
  // The worker connection is opened and on INBOX before the count starts.
  await w.connections.withFolder(w.mailbox.id, w.mailbox.watch, (client) => client.noop());
  const before = counter.counts();
  const fetched = await w.connections.withFolder(w.mailbox.id, w.mailbox.watch, (client) =>
    fetchMessage(client, where, LIMITS, spool.scope(), PIECE),
  );
  return { fetched, fetches: countsSince(before, counter.counts())['UID FETCH'] ?? 0 };
}

describe('fetching a message in pieces', () => {
  it('asks for a large message piece by piece and parses it as the whole', async () => {
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(3 * PIECE + 12_345)]);
    const raw = await buildMail({
      subject: '[PHD-robustAI] Application',
      attachments: [
        { filename: 'CV.pdf', content: pdf, contentType: 'application/pdf' },
        { filename: 'notes.txt', content: 'Transcript follows.', contentType: 'text/plain' },
      ],
    });
    const { w, ...where } = await arrived('pieces-large', raw);
    const spool = await AttachmentSpool.open(parent, PIECE);
    const { fetched, fetches } = await fetchInPieces(w, where, spool);
    if (fetched.status !== 'ok') throw new Error(`fetch: ${fetched.status}`);
    // The base64 message is about 4.3 MB on the server: five pieces of 1 MB.
    expect(fetched.size).toBeGreaterThan(4 * PIECE);
    expect(fetches).toBe(Math.ceil(fetched.size / PIECE));
    expect(fetched.parsed.facts).toEqual((await parseMessage(raw, LIMITS)).facts);
    const [cv] = fetched.parsed.contents;
    if (!(cv instanceof SpooledContent)) throw new Error('the CV was not spooled');
    expect(
      createHash('sha256')
        .update(await readFile(cv.path))
        .digest('hex'),
    ).toBe(createHash('sha256').update(pdf).digest('hex'));
    await fetched.release();
    await expect(readFile(cv.path)).rejects.toThrow(/ENOENT/);
  });

  it('takes one FETCH for a message under a piece, and the header only for one over the limit', async () => {
    const raw = await buildMail({ subject: '[PHD-robustAI] Short application' });
    const { w, ...where } = await arrived('pieces-small', raw);
    const spool = await AttachmentSpool.open(parent, PIECE);
    const small = await fetchInPieces(w, where, spool);
    expect(small.fetches).toBe(1);
    expect(small.fetched.status === 'ok' && small.fetched.parsed.facts.subject).toBe(
      '[PHD-robustAI] Short application',
    );

    const large = await buildMail({
      subject: '[PHD-robustAI] Too large',
      attachments: [
        { filename: 'huge.pdf', content: randomBytes(3 * PIECE), contentType: 'application/pdf' },
      ],
    });
    const over = await arrived('pieces-over', large);
    const before = counter.counts();
    const fetched = await over.w.connections.withFolder(over.w.mailbox.id, over.w.mailbox.watch, (client) =>
      fetchMessage(client, over, { ...LIMITS, maxMessageBytes: 2 * PIECE }, spool.scope(), PIECE),
    );
    expect(fetched.status === 'ok' && fetched.parsed.facts.headersOnly).toBe(true);
    expect(countsSince(before, counter.counts())['UID FETCH']).toBe(1);
  });
});
