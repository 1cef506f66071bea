import { describe, expect, it } from 'vitest';
import { fairShare, leasesToGive, mayTakeLease } from '../../../src/mailbox/lease-share.ts';

/** Processes that each act on the policy in turn, with one shared set of leases (null: free). */
function simulate(mailboxes: number) {
  const leases: Array<string | null> = Array.from({ length: mailboxes }, () => null);
  const alive: string[] = [];
  const held = (name: string) => leases.filter((owner) => owner === name).length;
  const round = () => {
    for (const name of alive) {
      const view = () => ({ mailboxes, processes: alive.length, held: held(name) });
      for (let give = leasesToGive(view()); give > 0; give -= 1) leases[leases.indexOf(name)] = null;
      for (let index = 0; index < mailboxes; index += 1)
        if (leases[index] === null && mayTakeLease(view())) leases[index] = name;
    }
  };
  return {
    leases,
    held,
    join: (name: string) => alive.push(name),
    kill: (name: string) => {
      alive.splice(alive.indexOf(name), 1);
      leases.forEach((owner, index) => (leases[index] = owner === name ? null : owner));
    },
    settle: () => {
      round();
      round();
    },
  };
}

describe('lease share', () => {
  it('fair-share: ceil(mailboxes ÷ processes), at least one', () => {
    expect(fairShare(50, 3)).toBe(17);
    expect(fairShare(50, 1)).toBe(50);
    expect(fairShare(8, 3)).toBe(3);
    expect(fairShare(2, 5)).toBe(1);
    expect(fairShare(3, 0)).toBe(3);
  });

  it('take-below-share: a free lease is taken only below the share; above it the excess is given', () => {
    expect(mayTakeLease({ mailboxes: 50, processes: 3, held: 16 })).toBe(true);
    expect(mayTakeLease({ mailboxes: 50, processes: 3, held: 17 })).toBe(false);
    expect(leasesToGive({ mailboxes: 50, processes: 3, held: 17 })).toBe(0);
    expect(leasesToGive({ mailboxes: 50, processes: 2, held: 50 })).toBe(25);
  });

  it('spread: 50 mailboxes over processes joining one by one end 17/17/16, every lease held', () => {
    const world = simulate(50);
    world.join('a');
    world.settle();
    expect(world.held('a')).toBe(50);
    world.join('b');
    world.settle();
    expect([world.held('a'), world.held('b')]).toEqual([25, 25]);
    world.join('c');
    world.settle();
    expect(['a', 'b', 'c'].map(world.held).sort()).toEqual([16, 17, 17]);
    expect(world.leases.every((owner) => owner !== null)).toBe(true);
  });

  it('takeover: a killed process leaves no lease free once the survivors count themselves', () => {
    const world = simulate(8);
    for (const name of ['a', 'b', 'c']) world.join(name);
    world.settle();
    expect(['a', 'b', 'c'].map(world.held).every((count) => count <= 3)).toBe(true);
    world.kill('b');
    world.settle();
    expect(world.leases.every((owner) => owner === 'a' || owner === 'c')).toBe(true);
    expect(world.held('a') + world.held('c')).toBe(8);
  });

  it('no-flapping: once settled, another round gives nothing away', () => {
    for (const [mailboxes, processes] of [
      [50, 3],
      [10, 4],
      [7, 7],
      [3, 5],
    ] as const) {
      const world = simulate(mailboxes);
      for (let index = 0; index < processes; index += 1) world.join(`p${index}`);
      world.settle();
      const before = [...world.leases];
      world.settle();
      expect(world.leases).toEqual(before);
      expect(world.leases.every((owner) => owner !== null)).toBe(true);
    }
  });
});
