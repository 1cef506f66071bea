/** Builds every Redis key the daemon owns (BullMQ's queues use the same prefix, under their own names). */
export function redisKeys(prefix: string) {
  const key = (...parts: string[]) => [prefix, ...parts].join(':');
  return {
    lease: (mailboxId: string) => key('lease', mailboxId),
    /** The daemon processes alive (watching mailboxes), each with when its heartbeat lapses. */
    processes: () => key('processes'),
    /** A mailbox's IMAP connections open across every process, each with when its slot lapses. */
    connectionSlots: (mailboxId: string) => key('imap-slots', mailboxId),
    cursor: (mailboxId: string) => key('cursor', mailboxId),
    /** What a mailbox's watcher last saw in its decision folders (status subfolders, keywords), by folder path. */
    decisionViews: (mailboxId: string) => key('decision-views', mailboxId),
    mailboxHealth: (mailboxId: string) => key('mailbox-health', mailboxId),
    seen: (mailboxId: string) => key('seen', mailboxId),
    candidate: (candidateId: string) => key('candidate', candidateId),
    candidatesOfVacancy: (vacancyId: string) => key('candidates', vacancyId),
    candidateByAddress: (vacancyId: string) => key('candidate-by-address', vacancyId),
    threads: () => key('threads'),
    deadLetters: () => key('dead-letters'),
    replyLedger: (vacancyId: string, addressHash: string, kind: string) =>
      key('reply', vacancyId, addressHash, kind),
    bounced: () => key('bounced'),
    enquiries: (mailboxId: string) => key('enquiries', mailboxId),
    /** A mailbox's referees' mails waiting for their applicant's candidate, by message key. */
    heldReferences: (mailboxId: string) => key('held-references', mailboxId),
    changeSequence: () => key('change-seq'),
    changedCandidates: (vacancyId: string) => key('changed', vacancyId),
    createdCandidates: (vacancyId: string) => key('created', vacancyId),
    digestWatermarks: (supervisorHash: string) => key('digest-watermark', supervisorHash),
    digestPending: (runKey: string) => key('digest-pending', runKey),
    digestLedger: (supervisorHash: string, runId: string) => key('digest-run', supervisorHash, runId),
    repliesTo: (addressHash: string) => key('replies-to', addressHash),
    repliesToDomain: (domainHash: string) => key('replies-to-domain', domainHash),
    /** Which applicant a recipient address answers for, per vacancy (or enquiry scope). */
    recipientOwner: (scope: string, addressHash: string) => key('reply-recipient', scope, addressHash),
    /** Message-ID of a reply we sent → its recipient, so that a bounce can be checked against it. */
    sentReply: (messageIdHash: string) => key('sent-reply', messageIdHash),
    /** The random key replies' body tokens are signed with when `security.secret` is not set. */
    replyTokenKey: () => key('reply-token-key'),
    /** A mailbox's OAuth2 grant and access token (sealed with the token key) and its sign-in state. */
    oauth: (mailboxId: string) => key('oauth', mailboxId),
    /** Held by the one process refreshing a mailbox's access token. */
    oauthRefreshLock: (mailboxId: string) => key('oauth-refresh', mailboxId),
    /** The installation's key for hashing addresses (sealed with the data key when one is set); never expires. */
    addressKey: () => key('address-key'),
    /** Erasures under way (candidate id → what is left to remove), so a killed one is finished by the next. */
    erasures: () => key('erasures'),
    /** Held by the one process running the retention purge. */
    purgeLock: () => key('purge-lock'),
    /** What forget and the retention purge did: counts and keyed hashes, never a name or an address. */
    privacyAudit: () => key('privacy-audit'),
    /** Per vacancy, counts kept of anonymised candidates (statistics without persons). */
    vacancyStatistics: (vacancyId: string) => key('vacancy-stats', vacancyId),
    /** Keyed hashes of the addresses a mailbox has written to (read from its Sent folder). */
    sentRecipients: (mailboxId: string) => key('sent-recipients', mailboxId),
    /** How far a mailbox's Sent folder has been read: its UIDVALIDITY and the last UID read. */
    sentCursor: (mailboxId: string) => key('sent-cursor', mailboxId),
    alertClaim: (alertKey: string) => key('alert', alertKey),
    alertedDeadLetters: () => key('alerted-dead-letters'),
    all: () => `${prefix}:*`,
  };
}

export type RedisKeys = ReturnType<typeof redisKeys>;
