import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { freePort } from '../../support/free-port.ts';
import { waitFor } from '../../support/wait-for.ts';

/** A private redis-server the chaos suite can restart: persistence on (AOF, fsync every second), as in production. */
export interface PrivateRedis {
  url: string;
  /** Stops it as an operator's restart would (SIGTERM: Redis writes its data and exits), then starts it again. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

const HOST = '127.0.0.1';

/** Starts redis-server on a free port with its data in a temporary directory. */
export async function startPrivateRedis(): Promise<PrivateRedis> {
  const dir = await mkdtemp(path.join(tmpdir(), 'triage-chaos-redis-'));
  const port = await freePort(HOST);
  const url = `redis://${HOST}:${port}`;
  let server = await launch(dir, port, url);
  const stop = async () => {
    if (server.exitCode !== null || server.signalCode !== null) return;
    const exited = once(server, 'exit');
    server.kill('SIGTERM');
    await exited;
  };
  return {
    url,
    restart: async () => {
      await stop();
      server = await launch(dir, port, url);
    },
    stop: async () => {
      await stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function launch(dir: string, port: number, url: string): Promise<ChildProcess> {
  const args = ['--port', String(port), '--bind', HOST, '--dir', dir, '--save', ''];
  const persistence = ['--appendonly', 'yes', '--appendfsync', 'everysec'];
  const server = spawn('redis-server', [...args, ...persistence], { stdio: 'ignore' });
  server.on('error', () => undefined);
  await waitFor(`redis-server on port ${port}`, () => ping(url), 15_000);
  return server;
}

async function ping(url: string): Promise<true | undefined> {
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return (await client.ping()) === 'PONG' ? true : undefined;
  } catch {
    return undefined;
  } finally {
    client.disconnect();
  }
}
