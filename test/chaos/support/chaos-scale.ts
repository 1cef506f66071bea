/** How big a chaos run is: the full run by default, smaller through the environment (CI runs a reduced one). */
export interface ChaosScale {
  applications: number;
  /** SIGKILLs during the run (at least). */
  kills: number;
  /** Daemon processes running side by side. */
  daemons: number;
  /** How long the SMTP sink answers 421. */
  smtpOutageSeconds: number;
  /** Seed of the arrival order and the fault timing (printed, so a failing run can be repeated). */
  seed: number;
}

export function chaosScale(env: NodeJS.ProcessEnv = process.env): ChaosScale {
  return {
    applications: whole(env, 'CHAOS_APPLICATIONS', 300, 10),
    kills: whole(env, 'CHAOS_KILLS', 12, 1),
    daemons: whole(env, 'CHAOS_DAEMONS', 2, 1),
    smtpOutageSeconds: whole(env, 'CHAOS_SMTP_OUTAGE_SECONDS', 60, 1),
    seed: whole(env, 'CHAOS_SEED', Math.floor(Math.random() * 1_000_000), 0),
  };
}

function whole(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min) {
    throw new Error(`${name} must be a whole number of at least ${min}, not ${JSON.stringify(raw)}`);
  }
  return Number(raw);
}
