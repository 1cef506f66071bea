// The chaos suite (npm run test:chaos): real Dovecot, a real restartable Redis with persistence, an SMTP sink,
// and daemon processes killed with SIGKILL. Sizes come from the environment (see support/chaos-scale.ts).
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../support/seeded-random.ts';
import { buildChaosMessages, type ChaosMessage } from './support/chaos-applications.ts';
import { chaosScale } from './support/chaos-scale.ts';
import { renderTally, tallyChaos, type ChaosTally } from './support/chaos-tally.ts';
import { startChaosWorld, WATCHED, type ChaosWorld } from './support/chaos-world.ts';
import { DaemonFleet } from './support/daemon-fleet.ts';
import { infrastructureFaults, runFaults, runKills } from './support/fault-schedule.ts';

const scale = chaosScale();
const worlds: ChaosWorld[] = [];
const fleets: DaemonFleet[] = [];

async function world(name: string): Promise<ChaosWorld> {
  const started = await startChaosWorld(name);
  worlds.push(started);
  return started;
}

function fleet(chaos: ChaosWorld, size: number): DaemonFleet {
  const daemons = new DaemonFleet(chaos.configFile, size);
  fleets.push(daemons);
  return daemons;
}

beforeAll(() => console.log(`chaos: seed ${scale.seed} (repeat a run with CHAOS_SEED=${scale.seed})`));

afterAll(async () => {
  await Promise.all(fleets.map((daemons) => daemons.stopAll(5_000)));
  await Promise.all(worlds.map((chaos) => chaos.close()));
});

/** Tallies until nothing is lost (or `timeoutMs` passes), then waits `settleMs` more for late duplicates. */
async function settle(
  chaos: ChaosWorld,
  messages: readonly ChaosMessage[],
  daemons: DaemonFleet,
  timeoutMs: number,
  settleMs = 10_000,
): Promise<ChaosTally> {
  const tally = async () =>
    tallyChaos(messages, await chaos.candidates(), chaos.sink.messages, daemons.kills, chaos.origin);
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && (await tally()).lost > 0) await sleep(2000);
  // Longer than the stall interval: a job a killed process held is taken up again within it.
  await sleep(settleMs);
  return tally();
}

async function folderIds(chaos: ChaosWorld, folders: readonly string[]): Promise<Map<string, string[]>> {
  const mail = await chaos.mail();
  try {
    const ids = new Map<string, string[]>();
    for (const folder of folders) ids.set(folder, await mail.messageIds(folder));
    return ids;
  } finally {
    await mail.close();
  }
}

/** The watched folder's UIDVALIDITY and the UIDs in it. */
async function folderUids(chaos: ChaosWorld): Promise<{ uidValidity: string; uids: number[] }> {
  const mail = await chaos.mail();
  try {
    const lock = await mail.client.getMailboxLock(WATCHED);
    try {
      if (mail.client.mailbox === false) throw new Error(`${WATCHED} is not open`);
      const uidValidity = String(mail.client.mailbox.uidValidity);
      const uids =
        mail.client.mailbox.exists === 0 ? [] : await mail.client.search({ all: true }, { uid: true });
      return { uidValidity, uids: Array.isArray(uids) ? uids : [] };
    } finally {
      lock.release();
    }
  } finally {
    await mail.close();
  }
}

/** For a failed run: the log lines of every job about a message still in the watched folder. */
async function explainLeftovers(chaos: ChaosWorld, daemons: DaemonFleet): Promise<void> {
  const mail = await chaos.mail();
  try {
    const lock = await mail.client.getMailboxLock(WATCHED);
    try {
      const left =
        mail.client.mailbox === false || mail.client.mailbox.exists === 0
          ? []
          : await mail.client.fetchAll('1:*', { uid: true, envelope: true });
      for (const message of left) {
        const lines = daemons.logs.filter(
          (line) =>
            (typeof line.job === 'string' ? line.job : '').endsWith(`.${message.uid}`) ||
            line.uid === message.uid,
        );
        console.log(`left in ${WATCHED}: uid ${message.uid} ${message.envelope?.messageId ?? ''}`, lines);
      }
    } finally {
      lock.release();
    }
  } finally {
    await mail.close();
  }
}

/** For a failed run: what the record and the logs say about each (applicant, vacancy) never acknowledged. */
async function explainUnacknowledged(chaos: ChaosWorld, tally: ChaosTally, daemons: DaemonFleet) {
  const candidates = await chaos.candidates();
  for (const line of tally.lostDetail.filter((detail) => detail.startsWith('never acknowledged'))) {
    const address = /: (\S+) \//.exec(line)?.[1] ?? '';
    for (const candidate of candidates.filter((entry) => entry.email === address)) {
      const { id, replies, flags, acknowledges, messages } = candidate;
      const logs = daemons.logs.filter((entry) => JSON.stringify(entry).includes(id));
      console.log(line, { id, replies, flags, acknowledges, messages: messages.map((m) => m.key) }, logs);
    }
  }
}

describe('chaos', () => {
  it(`${scale.applications} applications through SIGKILLs, restarts, kicks and an SMTP outage: nothing lost, nothing sent twice`, async () => {
    const chaos = await world('run');
    const messages = await buildChaosMessages(scale.applications, scale.seed, 'run');
    const random = seededRandom(scale.seed);
    const daemons = fleet(chaos, scale.daemons);
    const story: string[] = [];
    const log = (line: string) => story.push(line);

    daemons.startAll();
    let feeding = true;
    const feed = (async () => {
      // Spread over about 30 s, so that arrivals, kills and faults overlap.
      const pause = 30_000 / messages.length;
      for (const message of messages) {
        await chaos.append(message.raw);
        await sleep(pause);
      }
      feeding = false;
    })();
    let faultsOver = false;
    const faults = runFaults(
      chaos,
      infrastructureFaults(chaos.login.user, scale.smtpOutageSeconds),
      log,
    ).finally(() => (faultsOver = true));
    const kills = runKills(daemons, scale.kills, random, () => feeding || !faultsOver, log);
    await Promise.all([feed, faults, kills]);

    const tally = await settle(chaos, messages, daemons, 240_000);
    await daemons.stopAll();
    const filedTo = new Set(
      (await chaos.candidates()).flatMap((c) => c.messages.map((m) => m.filedTo ?? '')),
    );
    const folders = await folderIds(chaos, [WATCHED, ...[...filedTo].filter(Boolean)]);
    console.log([...story, renderTally('kills, restarts, kicks, SMTP outage', tally)].join('\n'));
    if (tally.lost + tally.duplicates > 0) console.log(daemons.problems().slice(-40));
    await explainLeftovers(chaos, daemons);
    await explainUnacknowledged(chaos, tally, daemons);

    if (daemons.exits.length > 0) console.log('daemons that crashed:', daemons.problems().slice(-20));
    expect(daemons.exits).toEqual([]);
    expect(tally.kills).toBeGreaterThanOrEqual(scale.kills);
    expect(tally.lostDetail).toEqual([]);
    expect(tally.duplicateDetail).toEqual([]);
    // A kill can cut off at most the replies its process had mid-transfer (workers.concurrency, 4): those are
    // flagged for a person, never sent twice.
    expect(tally.unconfirmedDetail.length).toBeLessThanOrEqual(tally.kills * 4);
    expect(tally.candidates).toBe(messages.filter((message) => message.acknowledged).length);
    expect(folders.get(WATCHED)).toEqual([]);
    const filedIds = new Set([...folders.values()].flat());
    expect(messages.filter((message) => !filedIds.has(message.messageId))).toEqual([]);
  });

  it('a folder recreated with the same mails (new UIDVALIDITY) brings no second round of acknowledgements', async () => {
    const chaos = await world('uidvalidity');
    const messages = await buildChaosMessages(30, scale.seed, 'uidvalidity');
    const daemons = fleet(chaos, 1);
    daemons.startAll();
    for (const message of messages) await chaos.append(message.raw);
    const first = await settle(chaos, messages, daemons, 120_000, 2_000);
    await daemons.stopAll();
    expect(first.lostDetail).toEqual([]);
    const acknowledged = chaos.sink.messages.length;
    const before = await folderUids(chaos);

    const mail = await chaos.mail();
    await mail.client.mailboxDelete(WATCHED);
    await mail.client.mailboxCreate(WATCHED);
    await mail.close();
    for (const message of messages) await chaos.append(message.raw);
    const recreated = await folderUids(chaos);
    expect(recreated.uids).toHaveLength(messages.length);
    daemons.startAll();
    // Kill it once while it rescans the recreated folder, too.
    await sleep(1500);
    await daemons.kill(0);
    daemons.restart(0);
    // The rescan is over when the watcher's cursor, in Redis, covers the recreated folder. (Not counted from the
    // "rescan skipped" log lines: a SIGKILL can take a line pino had not yet written, after the cursor moved.)
    const covered = async () => {
      const cursor = await chaos.cursor();
      return cursor?.uidValidity === recreated.uidValidity && cursor.lastUid >= Math.max(...recreated.uids);
    };
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline && !(await covered())) await sleep(500);
    const second = await settle(chaos, messages, daemons, 0, 8_000);
    await daemons.stopAll();
    console.log(renderTally('recreated folder (new UIDVALIDITY)', second));

    expect(recreated.uidValidity).not.toBe(before.uidValidity);
    expect(await covered()).toBe(true);
    // Every message was recognised as processed already: none was queued for ingest again.
    expect(await chaos.ingested(recreated.uidValidity, recreated.uids)).toEqual([]);
    expect(chaos.sink.messages).toHaveLength(acknowledged);
    expect(second.duplicateDetail).toEqual([]);
    expect(second.lostDetail).toEqual([]);
  });
});
