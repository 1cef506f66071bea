import { reachRedis } from '../adapters/redis/reach-redis.ts';
import { readDaemonStatus } from '../adapters/redis/read-daemon-status.ts';
import type { Config } from '../config/schema.ts';
import { formatStatus } from './format-status.ts';
import { printText } from './print-text.ts';

/** `triage status [--json]`: prints the snapshot; exit code 1 when something needs a person. */
export async function runStatus(config: Config, json: boolean): Promise<number> {
  const redis = await reachRedis(config.redis, 'cli');
  try {
    const status = await readDaemonStatus(redis, config);
    if (json) console.log(JSON.stringify(status, null, 2));
    else printText(formatStatus(status));
    return status.problems.length === 0 ? 0 : 1;
  } finally {
    redis.disconnect();
  }
}
