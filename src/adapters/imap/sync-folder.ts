import type { ImapFlow } from 'imapflow';
import type { Queue } from 'bullmq';
import type { RedisClient } from '../redis/redis-client.ts';
import type { MailboxConfig } from '../../config/schema.ts';
import type { Logger } from '../../logging/create-logger.ts';
import { batchUids, planSync } from '../../mailbox/plan-sync.ts';
import { ingestJobId, type IngestJob } from '../../stages/ingest/ingest-job.ts';
import { CursorStore } from '../redis/cursor-store.ts';
import type { RedisKeys } from '../redis/redis-keys.ts';
import { SeenStore } from '../redis/seen-store.ts';
import type { MailboxConnections } from './mailbox-connections.ts';
import { searched } from './search-current.ts';

/** What one sync pass needs. */
export interface SyncDependencies {
  connections: Pick<MailboxConnections, 'withFolder'>;
  redis: RedisClient;
  keys: RedisKeys;
  ingest: Queue;
  mailbox: MailboxConfig;
  owner: string;
  logger: Logger;
  batchSize: number;
}

/**
 * One pass over the watched folder: queues every message above the cursor (or, on first start and after a
 * UIDVALIDITY change, the recent ones), advancing the cursor only after the jobs are in Redis. It runs on the
 * mailbox's worker connection (on the watched folder already), so the messages it finds are in that connection's
 * view when their ingest jobs fetch them, and the watcher's IDLE is never interrupted.
 */
export function syncFolder(deps: SyncDependencies, now = new Date()): Promise<number> {
  return deps.connections.withFolder(deps.mailbox.id, deps.mailbox.watch, async (client) => {
    // A session only sees mail the server has announced to it: the NOOP brings what arrived since this
    // connection's last command (what the IDLE connection was told about), so the fetch below finds it.
    await client.noop();
    if (client.mailbox === false) return 0;
    const uidValidity = String(client.mailbox.uidValidity);
    const cursors = new CursorStore(deps.redis, deps.keys);
    const plan = planSync(await cursors.read(deps.mailbox.id), uidValidity, now, deps.mailbox.backfillDays);
    if (plan.mode === 'incremental') {
      // The new UIDs with their sizes (for the ingest stage's memory budget), in the one command a search took.
      const sizes = await sizesOf(client, `${plan.afterUid + 1}:*`);
      const found = [...sizes.keys()].sort((a, b) => a - b);
      let queued = 0;
      for (const batch of batchUids(
        found.filter((uid) => uid > plan.afterUid),
        deps.batchSize,
      )) {
        queued += await enqueue(deps, uidValidity, batch, sizes);
        await cursors.advance(deps.mailbox.id, deps.owner, { uidValidity, lastUid: batch.at(-1) ?? 0 });
      }
      return queued;
    }
    // Everything up to the highest UID now present is covered by this pass; older mail is deliberately left.
    const all = searched(await client.search({ all: true }, { uid: true }));
    const recent = new Set(searched(await client.search({ since: plan.since }, { uid: true })));
    const lastUid = all.reduce((highest, uid) => Math.max(highest, uid), 0);
    deps.logger.info(
      { mode: plan.mode, messages: recent.size, since: plan.since.toISOString() },
      'backfilling folder',
    );
    let queued = 0;
    for (const batch of batchUids([...recent], deps.batchSize)) {
      const sizes = await sizesOf(client, batch.join(','), plan.mode === 'rescan');
      const fresh = plan.mode === 'rescan' ? await unseenUids(deps, sizes, batch) : batch;
      queued += await enqueue(deps, uidValidity, fresh, sizes);
    }
    await cursors.advance(deps.mailbox.id, deps.owner, { uidValidity, lastUid });
    return queued;
  });
}

async function enqueue(
  deps: SyncDependencies,
  uidValidity: string,
  uids: readonly number[],
  found: ReadonlyMap<number, FoundMessage>,
): Promise<number> {
  if (uids.length === 0) return 0;
  const jobs = uids.map((uid) => {
    const size = found.get(uid)?.size;
    const data: IngestJob = {
      mailbox: deps.mailbox.id,
      uidValidity,
      uid,
      ...(size === undefined ? {} : { size }),
    };
    return { name: 'message', data, opts: { jobId: ingestJobId(data) } };
  });
  await deps.ingest.addBulk(jobs);
  deps.logger.debug({ count: uids.length, firstUid: uids[0], lastUid: uids.at(-1) }, 'queued messages');
  return uids.length;
}

/** A message found by a sync pass: its size on the server and, on a rescan, its Message-ID. */
interface FoundMessage {
  size: number | undefined;
  messageId: string | undefined;
}

/** UID FETCH of the UIDs in `range` with their sizes (and envelopes, for a rescan's Message-IDs). */
async function sizesOf(
  client: ImapFlow,
  range: string,
  envelope = false,
): Promise<Map<number, FoundMessage>> {
  const fetched = await client.fetchAll(range, { uid: true, size: true, envelope }, { uid: true });
  return new Map(
    fetched.map((message) => [message.uid, { size: message.size, messageId: message.envelope?.messageId }]),
  );
}

// After a UIDVALIDITY change the same mail comes back under new UIDs: skip what was processed already.
async function unseenUids(
  deps: SyncDependencies,
  found: ReadonlyMap<number, FoundMessage>,
  uids: readonly number[],
): Promise<number[]> {
  const withIds = uids
    .map((uid) => ({ uid, messageId: found.get(uid)?.messageId }))
    .filter((message): message is { uid: number; messageId: string } => Boolean(message.messageId));
  const seen = await new SeenStore(deps.redis, deps.keys).wereSeen(
    deps.mailbox.id,
    withIds.map((message) => message.messageId.trim().toLowerCase()),
  );
  const skip = new Set(withIds.filter((_, index) => seen[index]).map((message) => message.uid));
  if (skip.size > 0) deps.logger.info({ skipped: skip.size }, 'rescan skipped messages already processed');
  return uids.filter((uid) => !skip.has(uid));
}
