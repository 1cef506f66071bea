import { createHash } from 'node:crypto';

/** Builds every Redis key the daemon owns (BullMQ's queues use the same prefix, under their own names). */
export function redisKeys(prefix: string) {
  const key = (...parts: string[]) => [prefix, ...parts].join(':');
  return {
    lease: (mailboxId: string) => key('lease', mailboxId),
    cursor: (mailboxId: string) => key('cursor', mailboxId),
    seen: (mailboxId: string) => key('seen', mailboxId),
    candidate: (candidateId: string) => key('candidate', candidateId),
    candidatesOfVacancy: (vacancyId: string) => key('candidates', vacancyId),
    candidateByAddress: (vacancyId: string) => key('candidate-by-address', vacancyId),
    threads: () => key('threads'),
    deadLetters: () => key('dead-letters'),
    all: () => `${prefix}:*`,
  };
}

export type RedisKeys = ReturnType<typeof redisKeys>;

/** A short stable digest of a string, for ids derived from untrusted values (addresses, Message-IDs). */
export function shortHash(value: string, length = 16): string {
  return createHash('sha256').update(value).digest('hex').slice(0, length);
}
