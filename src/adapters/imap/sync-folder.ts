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
    // connection's last command (what the IDLE connection was told about), so the search below finds it.
    await client.noop();
    if (client.mailbox === false) return 0;
    const uidValidity = String(client.mailbox.uidValidity);
    const cursors = new CursorStore(deps.redis, deps.keys);
    const plan = planSync(await cursors.read(deps.mailbox.id), uidValidity, now, deps.mailbox.backfillDays);
    if (plan.mode === 'incremental') {
      const found = searched(await client.search({ uid: `${plan.afterUid + 1}:*` }, { uid: true }));
      let queued = 0;
      for (const batch of batchUids(
        found.filter((uid) => uid > plan.afterUid),
        deps.batchSize,
      )) {
        queued += await enqueue(deps, uidValidity, batch);
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
      const fresh = plan.mode === 'rescan' ? await unseenUids(deps, client, batch) : batch;
      queued += await enqueue(deps, uidValidity, fresh);
    }
    await cursors.advance(deps.mailbox.id, deps.owner, { uidValidity, lastUid });
    return queued;
  });
}

async function enqueue(
  deps: SyncDependencies,
  uidValidity: string,
  uids: readonly number[],
): Promise<number> {
  if (uids.length === 0) return 0;
  const jobs = uids.map((uid) => {
    const data: IngestJob = { mailbox: deps.mailbox.id, uidValidity, uid };
    return { name: 'message', data, opts: { jobId: ingestJobId(data) } };
  });
  await deps.ingest.addBulk(jobs);
  deps.logger.debug({ count: uids.length, firstUid: uids[0], lastUid: uids.at(-1) }, 'queued messages');
  return uids.length;
}

// After a UIDVALIDITY change the same mail comes back under new UIDs: skip what was processed already.
async function unseenUids(
  deps: SyncDependencies,
  client: ImapFlow,
  uids: readonly number[],
): Promise<number[]> {
  const envelopes = await client.fetchAll(uids.join(','), { uid: true, envelope: true }, { uid: true });
  const withIds = envelopes.filter((message) => message.envelope?.messageId);
  const seen = await new SeenStore(deps.redis, deps.keys).wereSeen(
    deps.mailbox.id,
    withIds.map((message) => (message.envelope?.messageId ?? '').trim().toLowerCase()),
  );
  const skip = new Set(withIds.filter((_, index) => seen[index]).map((message) => message.uid));
  if (skip.size > 0) deps.logger.info({ skipped: skip.size }, 'rescan skipped messages already processed');
  return uids.filter((uid) => !skip.has(uid));
}
