import { readFileSync } from 'node:fs';
import type { Redis } from 'ioredis';

/** The Lua scripts of `lua/`, each with how many of its arguments are keys. */
const SCRIPTS = {
  'candidate-save': 7,
  'cursor-advance': 2,
  'digest-advance': 1,
  'lease-renew': 1,
  'lease-release': 1,
  'ledger-claim': 1,
  'ledger-move': 1,
  'reply-window-reserve': 1,
} as const;

/** A script of `lua/`. */
export type ScriptName = keyof typeof SCRIPTS;

type ScriptCommand = (...keysAndArgs: string[]) => Promise<unknown>;

const registered = new WeakSet<Redis>();
let sources: Map<ScriptName, string> | null = null;

// Read once, on first use (beside this module: src/ from source, dist/src/ once built).
function scriptSources(): Map<ScriptName, string> {
  sources ??= new Map(
    (Object.keys(SCRIPTS) as ScriptName[]).map((name) => [
      name,
      readFileSync(new URL(`./lua/${name}.lua`, import.meta.url), 'utf8'),
    ]),
  );
  return sources;
}

function register(redis: Redis): void {
  if (registered.has(redis)) return;
  for (const [name, lua] of scriptSources()) {
    redis.defineCommand(`triage-${name}`, { numberOfKeys: SCRIPTS[name], lua });
  }
  registered.add(redis);
}

/**
 * Runs one of the Lua scripts of `lua/`, registered once per connection with ioredis `defineCommand` (EVALSHA,
 * falling back to EVAL when the server does not have it cached yet). Keys first, then arguments.
 */
export function runScript(redis: Redis, name: ScriptName, ...keysAndArgs: string[]): Promise<unknown> {
  register(redis);
  const command = (redis as unknown as Record<string, ScriptCommand>)[`triage-${name}`];
  if (command === undefined) throw new Error(`Redis script ${name} is not registered`);
  return command.apply(redis, keysAndArgs);
}
