import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { RedisClient } from './redis-client.ts';
import { TriageError } from '../../errors/triage-error.ts';

/** The Lua scripts of `lua/`, each with how many of its arguments are keys. */
const SCRIPTS = {
  'candidate-erase': 8,
  'candidate-save': 7,
  'candidate-transfer': 8,
  'connection-slot': 1,
  'cursor-advance': 2,
  'digest-advance': 1,
  'field-replace': 1,
  'lease-renew': 1,
  'lease-release': 1,
  'ledger-adopt': 2,
  'ledger-claim': 1,
  'ledger-decide': 1,
  'ledger-move': 1,
  'process-heartbeat': 1,
  'reply-window-reserve': 2,
  'sent-recipients-add': 2,
  'value-replace': 1,
} as const;

/** A script of `lua/`. */
export type ScriptName = keyof typeof SCRIPTS;

type ScriptCommand = (...keysAndArgs: string[]) => Promise<unknown>;

const registered = new WeakSet<RedisClient>();
let sources: Map<ScriptName, string> | null = null;

function readScript(name: ScriptName): string {
  const file = new URL(`./lua/${name}.lua`, import.meta.url);
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new TriageError(
      'config-missing',
      `cannot read the Redis script ${fileURLToPath(file)} (${reason}): the installation is incomplete`,
      { cause: error },
    );
  }
}

/**
 * Reads every script of `lua/` (beside this module: src/ from source, dist/src/ once built), once. Called at start
 * so that an incomplete installation stops the daemon at once instead of failing its first Redis write.
 */
export function loadRedisScripts(): ReadonlyMap<ScriptName, string> {
  sources ??= new Map((Object.keys(SCRIPTS) as ScriptName[]).map((name) => [name, readScript(name)]));
  return sources;
}

function register(redis: RedisClient): void {
  if (registered.has(redis)) return;
  for (const [name, lua] of loadRedisScripts()) {
    redis.defineCommand(`triage-${name}`, { numberOfKeys: SCRIPTS[name], lua });
  }
  registered.add(redis);
}

/**
 * Runs one of the Lua scripts of `lua/`, registered once per connection with ioredis `defineCommand` (EVALSHA,
 * falling back to EVAL when the server does not have it cached yet). Keys first, then arguments.
 */
export function runScript(redis: RedisClient, name: ScriptName, ...keysAndArgs: string[]): Promise<unknown> {
  register(redis);
  const command = (redis as unknown as Record<string, ScriptCommand>)[`triage-${name}`];
  if (command === undefined) throw new Error(`Redis script ${name} is not registered`);
  return command.apply(redis, keysAndArgs);
}
