/** What one daemon process knows when it decides about mailbox leases. */
export interface ShareView {
  /** Mailboxes configured (every process has the same configuration). */
  mailboxes: number;
  /** Daemon processes alive (this one included), from their heartbeats. */
  processes: number;
  /** Leases this process holds or is taking now. */
  held: number;
}

/** A process's fair share of the mailbox leases: ceil(mailboxes ÷ live processes), never less than one. */
export function fairShare(mailboxes: number, processes: number): number {
  return Math.max(1, Math.ceil(mailboxes / Math.max(1, processes)));
}

/**
 * Whether the process may take one more free lease: only while it holds fewer than its share. Since every
 * process stops at its share and the shares add up to at least the number of mailboxes, a free lease always
 * leaves some process below its share, which takes it: no mailbox stays unwatched while the processes agree on
 * how many they are.
 */
export function mayTakeLease(view: ShareView): boolean {
  return view.held < fairShare(view.mailboxes, view.processes);
}

/**
 * How many leases the process should give away: those above its share (after another process has joined).
 * A process that gave some away takes none back while it is at its share, so the leases given away go to the
 * processes below theirs and nothing flaps.
 */
export function leasesToGive(view: ShareView): number {
  return Math.max(0, view.held - fairShare(view.mailboxes, view.processes));
}
