import { Cluster, Redis, type ClusterOptions } from 'ioredis';

/** A connection to Redis: one server, or a Redis Cluster (every key of ours in the slot of the prefix's tag). */
export type RedisClient = Redis | Cluster;

/** Where Redis is (the `redis` section of the configuration, or part of it). */
export type RedisTarget =
  { url: string; cluster?: undefined } | { cluster: { nodes: string[] }; url?: undefined };

/** Options of every server connection (on a cluster: of each node's). */
export type NodeOptions = NonNullable<ClusterOptions['redisOptions']>;

/** How a client reconnects: the wait before the next attempt, or null to give up. */
export interface Reconnect {
  retryStrategy: (attempt: number) => number | null;
  lazyConnect?: boolean;
}

/**
 * Opens a client for `target`. On a cluster `options` apply to every node's connection, with the user, password
 * and TLS of the node URLs (a node learnt from the cluster has only its host and port), and `retryStrategy` is
 * how the cluster client reconnects when no node answers.
 */
export function openRedisClient(
  target: RedisTarget,
  options: NodeOptions,
  reconnect: Reconnect,
): RedisClient {
  const { retryStrategy, lazyConnect = false } = reconnect;
  if (target.cluster === undefined) return new Redis(target.url, { ...options, retryStrategy, lazyConnect });
  const [first = ''] = target.cluster.nodes;
  const { protocol, username, password } = new URL(first);
  const access = {
    ...(username === '' ? {} : { username: decodeURIComponent(username) }),
    ...(password === '' ? {} : { password: decodeURIComponent(password) }),
    ...(protocol === 'rediss:' ? { tls: {} } : {}),
  };
  return new Cluster(target.cluster.nodes, {
    clusterRetryStrategy: retryStrategy,
    lazyConnect,
    redisOptions: { ...options, ...access },
  });
}

/** The servers that hold keys: the cluster's masters, or the one server. */
export function primaryNodes(client: RedisClient): Redis[] {
  return client instanceof Cluster ? client.nodes('master') : [client];
}

/**
 * Every key matching `pattern`. On a cluster each master is scanned (SCAN on the cluster client would ask one
 * node at random); our keys share one slot, so one master answers them all.
 */
export async function* scanKeys(client: RedisClient, pattern: string, count = 500): AsyncGenerator<string[]> {
  for (const node of primaryNodes(client)) {
    let cursor = '0';
    do {
      const [next, keys] = await node.scan(cursor, 'MATCH', pattern, 'COUNT', count);
      cursor = next;
      if (keys.length > 0) yield keys;
    } while (cursor !== '0');
  }
}
