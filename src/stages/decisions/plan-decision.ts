import type { CandidateRecord } from '../../candidates/candidate-record.ts';
import { withHistory } from '../../candidates/candidate-updates.ts';
import type { DecisionChange } from '../../mailbox/plan-decisions.ts';

/**
 * A candidate with a message's new status from the mail client: set (latest move wins), or cleared when the
 * message that gave the current status left its status folder or lost its keyword, with a `status` history entry
 * by `daemon`. Unchanged (the same object) when the change does not concern the candidate's current status: a
 * message not theirs, the status they already have from that message, or the clearing of a status that another
 * message gave. Pure.
 */
export function applyDecision(record: CandidateRecord, change: DecisionChange, at: string): CandidateRecord {
  const message = record.messages.find((entry) => entry.messageId?.toLowerCase() === change.messageId);
  if (message === undefined || change.vacancy !== record.vacancy) return record;
  const current = record.decision ?? null;
  if (change.status === null) {
    if (current?.message !== message.key || current.folder !== change.folder || current.via !== change.via)
      return record;
    return withHistory(
      { ...record, decision: null },
      {
        at,
        action: 'status',
        by: 'daemon',
        detail: `none (${change.via === 'folder' ? 'moved out of' : 'keyword cleared in'} ${change.folder})`,
      },
    );
  }
  if (
    current?.status === change.status &&
    current.message === message.key &&
    current.folder === change.folder &&
    current.via === change.via
  )
    return record;
  const decision = {
    status: change.status,
    at,
    via: change.via,
    folder: change.folder,
    message: message.key,
  };
  return withHistory(
    { ...record, decision },
    {
      at,
      action: 'status',
      by: 'daemon',
      detail: `${change.status} (${describe(change.via, change.folder)})`,
    },
  );
}

function describe(via: DecisionChange['via'], folder: string): string {
  return via === 'folder' ? `moved to ${folder}` : `keyword in ${folder}`;
}
