import { hostname } from 'node:os';
import type { RedisClient } from './redis-client.ts';
import type { RedisKeys } from './redis-keys.ts';

const REFRESH_MS = 10_000;

/** A daemon process's id in the leases and the live-process set: `<host>:<pid>:<random>`. */
export function daemonProcessId(pid: number, random: string): string {
  return `${hostname()}:${pid}:${random}`;
}

/**
 * How many daemon processes run on this machine, from the live-process set the daemons keep in Redis (see
 * LeaseQuota), read every 10 s: the machine's cores are shared among them for reading documents. 0 until read.
 */
export class HostProcesses {
  readonly #redis: RedisClient;
  readonly #keys: RedisKeys;
  readonly #prefix = `${hostname()}:`;
  readonly #timer: NodeJS.Timeout;
  #count = 0;

  constructor(redis: RedisClient, keys: RedisKeys) {
    this.#redis = redis;
    this.#keys = keys;
    void this.refresh();
    this.#timer = setInterval(() => void this.refresh(), REFRESH_MS).unref();
  }

  get count(): number {
    return this.#count;
  }

  async refresh(): Promise<void> {
    try {
      const members = await this.#redis.zrange(this.#keys.processes(), '0', '-1');
      this.#count = members.filter((member) => member.startsWith(this.#prefix)).length;
    } catch {
      // Redis not answering: the last count stands.
    }
  }

  stop(): void {
    clearInterval(this.#timer);
  }
}
