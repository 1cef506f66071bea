import type { RedisClient } from './redis-client.ts';
import { runScript } from './redis-scripts.ts';
import { packText, unpackText } from './compact-text.ts';
import { candidateRecordSchema, type CandidateRecord } from '../../candidates/candidate-record.ts';
import type { RedisKeys } from './redis-keys.ts';
import type { PersonalData } from '../../privacy/personal-data.ts';

const MAX_ATTEMPTS = 20;

/** Two candidates as read: the stored values (for compare-and-set) and the records. */
export interface CandidatePair {
  source: CandidateRecord;
  /** Null when the target does not exist yet (a split to the sender's new candidate). */
  target: CandidateRecord | null;
}

/** What a transfer writes: the source after (null: removed), the target after, and the indexes moving to it. */
export interface Transfer {
  sourceId: string;
  /** The source after the move, or null when it is removed (merged into the target). */
  source: CandidateRecord | null;
  target: CandidateRecord;
  /** Addresses whose future mail goes to the target (the target's own, a merged candidate's). */
  addresses: readonly string[];
  /** Thread index entries (message keys, Message-IDs) that now belong to the target. */
  threadIds: readonly string[];
  /** The messages that moved, whose seen-index entries are relinked: (mailbox id, message key). */
  moved: ReadonlyArray<{ mailbox: string; key: string }>;
}

/**
 * An operator's moves of mail between two candidates (merge, split) in Redis: both records written, or the source
 * removed, with the address and thread indexes, in one atomic compare-and-set step retried if the daemon changed
 * either record meanwhile — so a command is safe while the daemon runs. Records stay sealed as the store seals them.
 */
export class CandidateTransfers {
  private readonly redis: RedisClient;
  private readonly keys: RedisKeys;
  private readonly personal: PersonalData;

  constructor(redis: RedisClient, keys: RedisKeys, personal: PersonalData) {
    this.redis = redis;
    this.keys = keys;
    this.personal = personal;
  }

  /**
   * Reads both candidates, asks `plan` what to write (it may throw to refuse), and writes it atomically; retried
   * from the read when either record changed. Returns the transfer written, or null when the source is gone.
   */
  async transfer(
    sourceId: string,
    targetId: string,
    plan: (pair: CandidatePair) => Transfer | Promise<Transfer>,
  ): Promise<Transfer | null> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
      const source = await this.read(sourceId);
      const target = await this.read(targetId);
      if (source.record === null) return null;
      const transfer = await plan({ source: source.record, target: target.record });
      if (await this.write(source.stored, target.stored, transfer, target.record === null)) {
        await this.relinkSeen(transfer.moved, sourceId, transfer.target.id);
        return transfer;
      }
    }
    throw new Error(`candidates ${sourceId} and ${targetId} changed concurrently ${MAX_ATTEMPTS} times`);
  }

  private async write(
    sourceStored: string | null,
    targetStored: string | null,
    transfer: Transfer,
    created: boolean,
  ): Promise<boolean> {
    const { source, target } = transfer;
    const sourceKey = this.keys.candidate(transfer.sourceId);
    const targetKey = this.keys.candidate(target.id);
    const seal = (record: CandidateRecord, key: string) =>
      this.personal.seal(packText(JSON.stringify(record)), key);
    const hashes = [...new Set(transfer.addresses.map((address) => this.personal.hashAddress(address)))];
    const saved = await runScript(
      this.redis,
      'candidate-transfer',
      sourceKey,
      targetKey,
      this.keys.candidatesOfVacancy(target.vacancy),
      this.keys.candidateByAddress(target.vacancy),
      this.keys.threads(),
      this.keys.changeSequence(),
      this.keys.changedCandidates(target.vacancy),
      this.keys.createdCandidates(target.vacancy),
      sourceStored ?? '',
      targetStored ?? '',
      source === null ? '' : seal(source, sourceKey),
      seal(target, targetKey),
      transfer.sourceId,
      target.id,
      String(Date.parse(target.firstSeen)),
      `${target.vacancy} ${target.id}`,
      created ? '1' : '0',
      String(hashes.length),
      ...hashes,
      ...transfer.threadIds,
    );
    return saved === 1;
  }

  // The seen index remembers which candidate a message went to (erasure follows it): the moved ones follow.
  private async relinkSeen(moved: Transfer['moved'], fromId: string, toId: string): Promise<void> {
    for (const { mailbox, key } of moved) {
      const seenKey = this.keys.seen(mailbox);
      const stored = await this.redis.hget(seenKey, key);
      if (stored === null) continue;
      const summary = JSON.parse(stored) as { candidateId?: string | null };
      if (summary.candidateId !== fromId) continue;
      await this.redis.hset(seenKey, key, JSON.stringify({ ...summary, candidateId: toId }));
    }
  }

  private async read(
    candidateId: string,
  ): Promise<{ stored: string | null; record: CandidateRecord | null }> {
    const key = this.keys.candidate(candidateId);
    const stored = await this.redis.get(key);
    if (stored === null) return { stored, record: null };
    const text = unpackText(this.personal.open(stored, key));
    return { stored, record: candidateRecordSchema.parse(JSON.parse(text)) };
  }
}
