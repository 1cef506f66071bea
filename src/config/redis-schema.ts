import { z } from 'zod';
import { int } from './schema-fields.ts';

const DEFAULT_URL = 'redis://127.0.0.1:6379';

const nodeUrl = z
  .url({ protocol: /^rediss?$/, error: 'must be redis://[user:password@]host[:port] (or rediss:// for TLS)' })
  .refine(
    (url) => ['', '/'].includes(new URL(url).pathname),
    'a cluster has only database 0: no /<db> in the URL',
  );

/** Scheme and credentials of a node URL: every node of a cluster is reached the same way. */
function access(url: string): string {
  if (!URL.canParse(url)) return url;
  const { protocol, username, password } = new URL(url);
  return `${protocol}${username}:${password}`;
}

/**
 * The Redis section: one server (`url`) or a Redis Cluster (`cluster.nodes`, any of its nodes; the others are
 * discovered). On a cluster every key must hash to one slot (BullMQ's scripts and ours touch several keys at
 * once), so the prefix becomes a hash tag there: `triage` → `{triage}`. A single server keeps its key names.
 */
export const redisSchema = z
  .strictObject({
    url: z.string().min(1).optional(),
    cluster: z.strictObject({ nodes: z.array(nodeUrl).min(1, 'must list at least one node') }).optional(),
    prefix: z
      .string()
      .regex(/^[A-Za-z0-9_.-]+$/, 'letters, digits, ".", "-" and "_" only')
      .default('triage'),
    /** Seconds `triage start` waits for Redis before it gives up (exit 1); 0 waits for ever. */
    startupTimeoutSeconds: int(0, 7 * 24 * 3600).default(300),
  })
  .superRefine((redis, context) => {
    if (redis.url !== undefined && redis.cluster !== undefined) {
      context.addIssue({
        code: 'custom',
        path: ['cluster'],
        message: 'set either redis.url (one server) or redis.cluster.nodes (a Redis Cluster), not both',
      });
    }
    const nodes = redis.cluster?.nodes ?? [];
    if (new Set(nodes.map(access)).size > 1) {
      context.addIssue({
        code: 'custom',
        path: ['cluster', 'nodes'],
        message: 'every node must use the same scheme, user and password',
      });
    }
  })
  .transform(({ url, cluster, prefix, startupTimeoutSeconds }): RedisConfig =>
    cluster === undefined
      ? { url: url ?? DEFAULT_URL, prefix, startupTimeoutSeconds }
      : { cluster, prefix: `{${prefix}}`, startupTimeoutSeconds },
  );

/** Where Redis is: one server, or the nodes of a Redis Cluster (`prefix` is then hash-tagged). */
export type RedisConfig = {
  /** What every key starts with (followed by ":"). */
  prefix: string;
  startupTimeoutSeconds: number;
} & ({ url: string; cluster?: undefined } | { cluster: { nodes: string[] }; url?: undefined });
