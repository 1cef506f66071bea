import type { CandidateRecord } from '../../../candidates/candidate-record.ts';
import type { HeldReference, ReferenceLink } from '../../../candidates/held-reference.ts';
import { withReference, withReferenceFiled } from '../../../candidates/with-reference.ts';
import type { Config, MailboxConfig } from '../../../config/schema.ts';
import { faultPoint } from '../../../errors/fault-point.ts';
import type { CandidateRecords, ThreadOwner } from '../../../ports/candidate-records.ts';
import type { MailboxGateway } from '../../../ports/mailbox-gateway.ts';
import type { ReferenceHolds } from '../../../ports/reference-holds.ts';
import { findReferenceCandidate, matchReference } from './link-reference.ts';
import type { JobQueue } from '../../../ports/stage-stores.ts';
import { replyJobId, type ReplyJob } from '../../replies/reply-job.ts';

/** What holding and linking referees' mails uses. */
export interface ReferencePorts {
  config: Pick<Config, 'vacancies' | 'replies'>;
  candidates: CandidateRecords;
  holds: ReferenceHolds;
  gateway: Pick<MailboxGateway, 'file'>;
  /** Where the referee's receipt is queued, when `replies.refereeReceipts` is on. */
  replies: JobQueue<ReplyJob>;
}

/** What became of a referee's mail: linked to a candidate, or held until its applicant's mail arrives. */
export type ReferenceOutcome = { status: 'linked'; link: ReferenceLink } | { status: 'held' };

/**
 * Records a referee's mail: held first, then linked when its applicant's candidate is found. Holding before
 * looking (while an application records its candidate before looking at what is held, linkWaitingReferences)
 * means that of two mails processed at once one always finds the other; linking twice changes nothing.
 */
export async function recordReference(
  ports: ReferencePorts,
  mailbox: MailboxConfig,
  held: HeldReference,
  thread: ThreadOwner | null,
): Promise<ReferenceOutcome> {
  await ports.holds.hold(held);
  const link = await findReferenceLink(ports, mailbox.id, held, thread);
  if (link === null) return { status: 'held' };
  await linkReference(ports, mailbox, held, link);
  return { status: 'linked', link };
}

/** Links the held referees' mails of a mailbox that are about this candidate (after its application is recorded). */
export async function linkWaitingReferences(
  ports: ReferencePorts,
  mailbox: MailboxConfig,
  candidate: CandidateRecord,
): Promise<ReferenceLink[]> {
  const links: ReferenceLink[] = [];
  for (const held of await ports.holds.held(mailbox.id)) {
    const link = matchReference(held, candidate);
    if (link === null) continue;
    await linkReference(ports, mailbox, held, link);
    links.push(link);
  }
  return links;
}

/**
 * The candidate a referee's mail is about: the owner of the thread it replies to, else the one it quotes or names
 * among its vacancy's candidates (or the mailbox's vacancies' when it names none); null: none yet, or ambiguous.
 * The ingest stage and `explain` both link through here.
 */
export async function findReferenceLink(
  ports: { config: Pick<Config, 'vacancies'>; candidates: Pick<CandidateRecords, 'get' | 'list'> },
  mailboxId: string,
  held: HeldReference,
  thread: ThreadOwner | null,
): Promise<ReferenceLink | null> {
  if (thread !== null && (held.vacancy === null || held.vacancy === thread.vacancy)) {
    const owner = await ports.candidates.get(thread.candidateId);
    if (owner !== null && owner.email !== held.referee.address)
      return { candidateId: owner.id, rule: 'thread', detail: 'replies to a message of the candidate' };
  }
  const vacancies =
    held.vacancy !== null
      ? [held.vacancy]
      : ports.config.vacancies
          .filter((vacancy) => vacancy.mailbox === mailboxId)
          .map((vacancy) => vacancy.id);
  return findReferenceCandidate(held, await ports.candidates.list(vacancies));
}

/**
 * Links one referee's mail: the letter onto the candidate (once, whatever the retries), the message filed into the
 * candidate's vacancy folder and recorded there, and only then let go of, so a crash at any step is finished by
 * the retry of whichever mail's job comes next.
 */
async function linkReference(
  ports: ReferencePorts,
  mailbox: MailboxConfig,
  held: HeldReference,
  link: ReferenceLink,
): Promise<void> {
  const linked = await ports.candidates.update(link.candidateId, (record) => {
    const vacancy = ports.config.vacancies.find((entry) => entry.id === record.vacancy);
    const required = vacancy?.documents.required ?? [];
    return withReference(record, held, link, required, new Date().toISOString());
  });
  if (linked === null) return;
  faultPoint('reference-after-link');
  const where = { uidValidity: held.uidValidity, uid: held.uid, messageId: held.messageId };
  const filed = await ports.gateway.file(mailbox, where, linked.vacancy);
  await ports.candidates.update(link.candidateId, (record) =>
    withReferenceFiled(record, held.key, filed.folder),
  );
  faultPoint('reference-after-file');
  // Queued before the held entry goes, so a crash here is repaired by the retry; the job id and the ledger keep
  // it to one receipt.
  if (ports.config.replies.refereeReceipts) {
    const job: ReplyJob = {
      candidateId: link.candidateId,
      vacancy: linked.vacancy,
      kind: 'reference-receipt',
      messageKey: held.key,
    };
    await ports.replies.add('reply', job, { jobId: replyJobId(job) });
  }
  await ports.holds.release(mailbox.id, held.key);
}
