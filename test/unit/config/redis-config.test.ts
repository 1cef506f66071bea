import { describe, expect, it } from 'vitest';
import { OFFLINE_MAILBOX } from '../../support/offline-mailbox.ts';
import { parseConfig } from '../../../src/config/load-config.ts';
import { TriageError } from '../../../src/errors/triage-error.ts';

type Raw = Record<string, unknown>;

function text(redis: Raw | undefined): string {
  return JSON.stringify({
    ...(redis === undefined ? {} : { redis }),
    mailboxes: [OFFLINE_MAILBOX],
    vacancies: [{ id: 'robust-ai', tag: 'PHD-robustAI', title: 'PhD', supervisors: ['chen@uni.example'] }],
  });
}

function problems(redis: Raw): string {
  try {
    parseConfig(text(redis), {}, 'triage.yaml');
  } catch (error) {
    if (error instanceof TriageError && error.code === 'config-invalid') return error.message;
    throw error;
  }
  throw new Error('parseConfig accepted the configuration');
}

const NODES = ['redis://10.0.0.1:7000', 'redis://10.0.0.2:7000'];

describe('redis configuration', () => {
  it('one server: the URL and the prefix as written (existing keys keep their names)', () => {
    expect(parseConfig(text({ url: 'redis://db:6380', prefix: 'dept' }), {}, 'test').redis).toEqual({
      url: 'redis://db:6380',
      prefix: 'dept',
      startupTimeoutSeconds: 300,
    });
  });

  it('a cluster: its nodes, and the prefix as a hash tag so every key is in one slot', () => {
    expect(parseConfig(text({ cluster: { nodes: NODES } }), {}, 'test').redis).toEqual({
      cluster: { nodes: NODES },
      prefix: '{triage}',
      startupTimeoutSeconds: 300,
    });
    expect(parseConfig(text({ cluster: { nodes: NODES }, prefix: 'dept' }), {}, 'test').redis.prefix).toBe(
      '{dept}',
    );
  });

  it('nodes with a password and TLS, from environment variables', () => {
    const nodes = [
      'rediss://:${REDIS_PASSWORD}@a.example:7000',
      'rediss://:${REDIS_PASSWORD}@b.example:7000',
    ];
    const { redis } = parseConfig(text({ cluster: { nodes } }), { REDIS_PASSWORD: 's3cret' }, 'test');
    expect(redis.cluster?.nodes).toEqual([
      'rediss://:s3cret@a.example:7000',
      'rediss://:s3cret@b.example:7000',
    ]);
  });

  it.each([
    [
      { url: 'redis://db:6379', cluster: { nodes: NODES } },
      'redis.cluster: set either redis.url (one server) or redis.cluster.nodes (a Redis Cluster), not both',
    ],
    [{ cluster: { nodes: [] } }, 'redis.cluster.nodes: must list at least one node'],
    [
      { cluster: { nodes: ['http://10.0.0.1:7000'] } },
      'redis.cluster.nodes[0]: must be redis://[user:password@]host[:port] (or rediss:// for TLS)',
    ],
    [
      { cluster: { nodes: ['redis://:a@10.0.0.1:7000', 'redis://:b@10.0.0.2:7000'] } },
      'redis.cluster.nodes: every node must use the same scheme, user and password',
    ],
    [
      { cluster: { nodes: ['redis://10.0.0.1:7000/2'] } },
      'redis.cluster.nodes[0]: a cluster has only database 0: no /<db> in the URL',
    ],
    [{ cluster: { nodes: NODES, replicas: true } }, 'redis.cluster.replicas: unknown key'],
    [
      { cluster: { nodes: NODES }, prefix: '{triage}' },
      'redis.prefix: letters, digits, ".", "-" and "_" only',
    ],
  ])('%j is refused, naming the key', (redis, message) => {
    expect(problems(redis)).toBe(`triage.yaml: ${message}`);
  });
});
