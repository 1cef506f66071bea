import type { FolderView } from '../../mailbox/plan-decisions.ts';
import type { RedisClient } from './redis-client.ts';
import type { RedisKeys } from './redis-keys.ts';

/** What each mailbox's watcher last saw in its decision folders: one hash per mailbox, a view per folder path. */
export class DecisionViewStore {
  private readonly redis: RedisClient;
  private readonly keys: RedisKeys;

  constructor(redis: RedisClient, keys: RedisKeys) {
    this.redis = redis;
    this.keys = keys;
  }

  /** The views of a mailbox by folder path; an unreadable entry counts as never seen (the folder is read again). */
  async read(mailboxId: string): Promise<Map<string, FolderView>> {
    const stored = await this.redis.hgetall(this.keys.decisionViews(mailboxId));
    const views = new Map<string, FolderView>();
    for (const [path, text] of Object.entries(stored)) {
      try {
        views.set(path, JSON.parse(text) as FolderView);
      } catch {
        continue;
      }
    }
    return views;
  }

  /** Replaces the views of these folders; a folder given as null (it no longer exists) is forgotten. */
  async write(mailboxId: string, views: ReadonlyMap<string, FolderView | null>): Promise<void> {
    if (views.size === 0) return;
    const key = this.keys.decisionViews(mailboxId);
    const transaction = this.redis.multi();
    for (const [path, view] of views) {
      if (view === null) transaction.hdel(key, path);
      else transaction.hset(key, path, JSON.stringify(view));
    }
    await transaction.exec();
  }
}
