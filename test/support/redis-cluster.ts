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
  /** One `redis://:password@127.0.0.1:port` URL per master. */
  nodes: string[];
  /** Stops every server and removes their directory. */
  stop(): Promise<void>;
}

const HOST = '127.0.0.1';

/**
 * Starts `masters` redis-server processes with `--cluster-enabled yes` (each with its own cluster bus port, so
 * port + 10000 need not be free), joins them with `redis-cli --cluster create` (no replicas) and waits until
 * every node reports `cluster_state:ok`. Every node requires `password`. Needs redis-server and redis-cli (Debian:
 * redis-server, redis-tools).
 */
export async function startRedisCluster(masters: number, password: string): Promise<RedisCluster> {
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
      servers.push(launch(nodeDir, port, busPort, password));
      ports.push(port);
    }
    const cli = (port: number, ...command: string[]) => redisCli(port, password, ...command);
    for (const port of ports) await waitFor(`redis-server on port ${port}`, () => ping(cli, port), 15_000);
    const addresses = ports.map((port) => `${HOST}:${port}`);
    await execFileAsync(
      'redis-cli',
      [
        '--no-auth-warning',
        '-a',
        password,
        '--cluster',
        'create',
        ...addresses,
        '--cluster-replicas',
        '0',
        '--cluster-yes',
      ],
      { timeout: 30_000 },
    );
    for (const port of ports)
      await waitFor(`cluster_state:ok on ${port}`, () => clusterOk(cli, port), 30_000);
    return { nodes: ports.map((port) => `redis://:${password}@${HOST}:${port}`), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

function launch(dir: string, port: number, busPort: number, password: string): ChildProcess {
  const args = [
    ['--port', String(port)],
    ['--cluster-port', String(busPort)],
    ['--bind', HOST],
    ['--dir', dir],
    ['--cluster-enabled', 'yes'],
    ['--cluster-config-file', 'nodes.conf'],
    ['--cluster-node-timeout', '5000'],
    ['--requirepass', password],
    ['--masterauth', password],
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

type Cli = (port: number, ...command: string[]) => Promise<string>;

async function redisCli(port: number, password: string, ...command: string[]): Promise<string> {
  const args = ['--no-auth-warning', '-a', password, '-h', HOST, '-p', String(port), ...command];
  const { stdout } = await execFileAsync('redis-cli', args, { timeout: 5_000 });
  return stdout;
}

async function ping(cli: Cli, port: number): Promise<true | undefined> {
  return (await cli(port, 'PING')).trim() === 'PONG' ? true : undefined;
}

async function clusterOk(cli: Cli, port: number): Promise<true | undefined> {
  return (await cli(port, 'CLUSTER', 'INFO')).includes('cluster_state:ok') ? true : undefined;
}
