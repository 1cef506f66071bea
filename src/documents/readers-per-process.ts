/**
 * Reading processes for one daemon process when `extraction.threads` is 0: the machine's cores shared among the
 * daemon processes running on it (at least one each), so that two daemons on two cores read two documents at
 * once, not four. Until the count is known (0), all the cores.
 */
export function readersPerProcess(cores: number, daemonsOnHost: number): number {
  return Math.max(1, Math.floor(cores / Math.max(1, daemonsOnHost)));
}
