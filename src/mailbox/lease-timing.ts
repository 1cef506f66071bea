/**
 * How a mailbox lease is kept, from `leaseSeconds` (in ms), so that a dead process's mailboxes are watched again
 * within it: the lease lapses two thirds of it after its last renewal and is renewed every sixth (four tries before
 * it could lapse); a process's heartbeat lapses after half of it and is renewed every sixth, so the survivors count
 * one process fewer before its leases lapse; a watcher without its lease looks again after a twelfth to a sixth.
 * Worst case from a kill to a survivor holding the lease: 2/3 + 1/6 = 5/6 of leaseSeconds.
 */
export function leaseTiming(leaseMs: number) {
  return {
    ttlMs: Math.round((leaseMs * 2) / 3),
    renewEveryMs: leaseMs / 6,
    heartbeatTtlMs: leaseMs / 2,
    lookAgainMs: leaseMs / 12,
  };
}
