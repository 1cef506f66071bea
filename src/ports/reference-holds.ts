import type { HeldReference } from '../candidates/held-reference.ts';

/** Referees' mails waiting for their applicant's candidate, per mailbox, by message key. */
export interface ReferenceHolds {
  /** Holds a referee's mail (holding it again replaces it with the same). */
  hold(reference: HeldReference): Promise<void>;
  /** Every referee's mail a mailbox holds. */
  held(mailboxId: string): Promise<HeldReference[]>;
  /** Lets a linked one go (a no-op when it is not held). */
  release(mailboxId: string, key: string): Promise<void>;
}
