import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './free-port.ts';
import { waitFor } from './wait-for.ts';

const execFileAsync = promisify(execFile);

/** A private Redis Cluster of masters on loopback ports, without persistence. */
export interface RedisCluster {
  /** One `redis://127.0.0.1:port` URL per master. */
  nodes: string[];
  /** Stops every server and removes their directory. */
  stop(): Promise<void>;
}

const HOST = '127.0.0.1';

/**
 * Starts `masters` redis-server processes with `--cluster-enabled yes` (each with its own cluster bus port, so
 * port + 10000 need not be free), joins them with `redis-cli --cluster create` (no replicas) and waits until
 * every node reports `cluster_state:ok`. Needs redis-server and redis-cli (Debian: redis-server, redis-tools).
 */
export async function startRedisCluster(masters = 3): Promise<RedisCluster> {
  const dir = await mkdtemp(path.join(tmpdir(), 'triage-redis-cluster-'));
  const servers: ChildProcess[] = [];
  const stop = async () => {
    await Promise.all(servers.map(stopServer));
    await rm(dir, { recursive: true, force: true });
  };
  try {
    const ports: number[] = [];
    for (let index = 0; index < masters; index += 1) {
      const [port, busPort] = [await freePort(HOST), await freePort(HOST)];
      const nodeDir = path.join(dir, String(port));
      await mkdir(nodeDir);
      servers.push(launch(nodeDir, port, busPort));
      ports.push(port);
    }
    for (const port of ports) await waitFor(`redis-server on port ${port}`, () => ping(port), 15_000);
    const addresses = ports.map((port) => `${HOST}:${port}`);
    await execFileAsync(
      'redis-cli',
      ['--cluster', 'create', ...addresses, '--cluster-replicas', '0', '--cluster-yes'],
      { timeout: 30_000 },
    );
    for (const port of ports) await waitFor(`cluster_state:ok on ${port}`, () => clusterOk(port), 30_000);
    return { nodes: ports.map((port) => `redis://${HOST}:${port}`), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

function launch(dir: string, port: number, busPort: number): ChildProcess {
  const args = [
    ['--port', String(port)],
    ['--cluster-port', String(busPort)],
    ['--bind', HOST],
    ['--dir', dir],
    ['--cluster-enabled', 'yes'],
    ['--cluster-config-file', 'nodes.conf'],
    ['--cluster-node-timeout', '5000'],
    ['--save', ''],
    ['--appendonly', 'no'],
    ['--daemonize', 'no'],
  ].flat();
  const server = spawn('redis-server', args, { stdio: 'ignore' });
  server.on('error', () => undefined);
  return server;
}

async function stopServer(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = once(server, 'exit');
  server.kill('SIGTERM');
  await exited;
}

async function redisCli(port: number, ...command: string[]): Promise<string> {
  const { stdout } = await execFileAsync('redis-cli', ['-h', HOST, '-p', String(port), ...command], {
    timeout: 5_000,
  });
  return stdout;
}

async function ping(port: number): Promise<true | undefined> {
  return (await redisCli(port, 'PING')).trim() === 'PONG' ? true : undefined;
}

async function clusterOk(port: number): Promise<true | undefined> {
  return (await redisCli(port, 'CLUSTER', 'INFO')).includes('cluster_state:ok') ? true : undefined;
}
