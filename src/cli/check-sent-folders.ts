import { openPersonalData } from '../adapters/redis/personal-data-store.ts';
import { reachRedis } from '../adapters/redis/reach-redis.ts';
import { redisKeys } from '../adapters/redis/redis-keys.ts';
import { SentRecipientsStore } from '../adapters/redis/sent-recipients-store.ts';
import type { Config } from '../config/schema.ts';
import { sentSyncMailboxes } from '../daemon/sent-recipients-sync.ts';
import { plural } from '../domain/plural.ts';
import type { CheckLine } from './check-line.ts';

/**
 * A `colleagues <mailbox>` line per mailbox whose Sent folder tells colleagues from enquirers: how many addresses
 * it wrote to, or a warning that it has not been read to its end yet (its untagged mail waits for the daemon to).
 */
export async function checkSentFolders(config: Config): Promise<CheckLine[]> {
  const mailboxes = sentSyncMailboxes(config);
  if (mailboxes.length === 0) return [];
  try {
    const redis = await reachRedis(config.redis, 'check');
    try {
      const keys = redisKeys(config.redis.prefix);
      const personal = await openPersonalData(redis, keys, config.security, process.env, { readOnly: true });
      const store = new SentRecipientsStore(redis, keys, personal);
      const lines: CheckLine[] = [];
      for (const mailbox of mailboxes)
        lines.push(sentLine(mailbox.id, await store.known(mailbox.id), await store.count(mailbox.id)));
      return lines;
    } finally {
      redis.disconnect();
    }
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return mailboxes.map((mailbox) => ({
      ok: true,
      warning: true,
      name: `colleagues ${mailbox.id}`,
      detail: `not checked: ${reason}`,
    }));
  }
}

/** The line for one mailbox. Pure. */
export function sentLine(mailboxId: string, known: boolean, count: number): CheckLine {
  const name = `colleagues ${mailboxId}`;
  return known
    ? {
        ok: true,
        name,
        detail: `its Sent folder was read: ${plural(count, 'address', 'addresses')} it wrote to`,
      }
    : {
        ok: true,
        warning: true,
        name,
        detail: 'its Sent folder has not been read yet: untagged mail waits until the daemon has read it',
      };
}
