import { setTimeout as sleep } from 'node:timers/promises';
import type { ChaosWorld } from './chaos-world.ts';
import type { DaemonFleet } from './daemon-fleet.ts';

/** One infrastructure fault, `atSeconds` after the run starts. */
export interface Fault {
  atSeconds: number;
  name: string;
  inject(world: ChaosWorld): Promise<void>;
}

/** The run's infrastructure faults, in order: kicks, a Redis restart, a Dovecot restart, an SMTP outage. */
export function infrastructureFaults(user: string, smtpOutageSeconds: number): Fault[] {
  return [
    { atSeconds: 4, name: 'IMAP connections kicked', inject: (world) => world.dovecot.kick(user) },
    { atSeconds: 8, name: 'Redis restarted', inject: (world) => world.redis.restart() },
    { atSeconds: 14, name: 'Dovecot restarted', inject: (world) => world.dovecot.restart() },
    { atSeconds: 20, name: 'IMAP connections kicked', inject: (world) => world.dovecot.kick(user) },
    {
      atSeconds: 24,
      name: `SMTP answers 421 for ${smtpOutageSeconds} s`,
      inject: async (world) => {
        world.sink.unavailableFor(smtpOutageSeconds * 1000);
        await sleep(smtpOutageSeconds * 1000);
      },
    },
  ];
}

/** Injects each fault at its time; resolves when the last one is over. Logs each, for the run's story. */
export async function runFaults(world: ChaosWorld, faults: Fault[], log: (line: string) => void) {
  const started = Date.now();
  for (const fault of faults) {
    const wait = started + fault.atSeconds * 1000 - Date.now();
    if (wait > 0) await sleep(wait);
    log(`${elapsed(started)} ${fault.name}`);
    await fault.inject(world);
  }
}

/**
 * SIGKILLs a random daemon every 1.5–4 s and restarts it 0–1 s later, until at least `kills` were killed and
 * `keepGoing` says the run is over.
 */
export async function runKills(
  fleet: DaemonFleet,
  kills: number,
  random: () => number,
  keepGoing: () => boolean,
  log: (line: string) => void,
): Promise<void> {
  const started = Date.now();
  while (fleet.kills < kills || keepGoing()) {
    await sleep(1500 + random() * 2500);
    const slot = Math.floor(random() * fleet.size);
    await fleet.kill(slot);
    log(`${elapsed(started)} daemon ${slot} killed (SIGKILL #${fleet.kills})`);
    await sleep(random() * 1000);
    fleet.restart(slot);
  }
}

function elapsed(since: number): string {
  return `[${((Date.now() - since) / 1000).toFixed(1).padStart(5)} s]`;
}
