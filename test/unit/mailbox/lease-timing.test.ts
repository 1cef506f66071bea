import { describe, expect, it } from 'vitest';
import { leaseTiming } from '../../../src/mailbox/lease-timing.ts';

describe('leaseTiming', () => {
  it("puts a dead process's mailboxes back under watch within leaseSeconds", () => {
    const lease = 30_000;
    const timing = leaseTiming(lease);
    // The survivors count one process fewer (its heartbeat lapsed, and their next beat saw it) before its leases lapse.
    expect(timing.heartbeatTtlMs + timing.renewEveryMs).toBeLessThanOrEqual(timing.ttlMs);
    // A lease renewed just before the kill lapses after ttl; a survivor's next look comes at most 2 × lookAgain later.
    expect(timing.ttlMs + 2 * timing.lookAgainMs).toBeLessThan(lease);
    // A live holder has several renewals before its lease could lapse.
    expect(timing.ttlMs / timing.renewEveryMs).toBeGreaterThanOrEqual(4);
  });
});
