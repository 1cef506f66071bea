import type { ImapFlow, SearchObject } from 'imapflow';
import type { DecisionStatusConfig } from '../../config/decision-schema.ts';
import { keywordStatus, type DecisionFolder } from '../../mailbox/decision-folders.ts';
import type { DecisionEntry, FolderCounters, FolderView } from '../../mailbox/plan-decisions.ts';
import { TriageError } from '../../errors/triage-error.ts';
import { searched } from './search-current.ts';

/**
 * One STATUS of a folder (MESSAGES, UIDNEXT, UIDVALIDITY, and HIGHESTMODSEQ with CONDSTORE), or null when the
 * folder does not exist (yet). Nothing is selected.
 */
export async function folderCounters(
  client: ImapFlow,
  path: string,
  condstore: boolean,
): Promise<FolderCounters | null> {
  let status: Awaited<ReturnType<ImapFlow['status']>>;
  try {
    status = await client.status(path, {
      messages: true,
      uidNext: true,
      uidValidity: true,
      highestModseq: condstore,
    });
  } catch (error) {
    if ((error as { code?: unknown }).code === 'NotFound') return null;
    throw error;
  }
  // imapflow answers false when the server refused the STATUS for another reason than a missing folder.
  if (status === false)
    throw new TriageError('imap-unavailable', `STATUS of ${path} was refused; will retry`);
  return {
    uidValidity: String(status.uidValidity ?? ''),
    uidNext: status.uidNext ?? 0,
    messages: status.messages ?? 0,
    highestModseq: status.highestModseq === undefined ? null : String(status.highestModseq),
  };
}

/**
 * Reads a decision folder (selected on `client`), after a NOOP: a status folder's messages by UID (one UID SEARCH ALL, then the
 * envelopes of the UIDs not seen before in one UID FETCH), or the messages of a vacancy's folder that carry a
 * status keyword (one UID SEARCH KEYWORD, then their flags and envelopes in one UID FETCH). Messages without a
 * Message-ID cannot be matched to a candidate and are left out.
 */
export async function readDecisionFolder(
  client: ImapFlow,
  folder: DecisionFolder,
  counters: FolderCounters,
  before: FolderView | undefined,
  statuses: readonly DecisionStatusConfig[],
): Promise<FolderView> {
  // A folder this connection has selected since its last read shows moves by others only after a NOOP: a search
  // does not report expunges, and would still find a message the supervisor has moved out.
  await client.noop();
  const view = { ...counters, path: folder.path, vacancy: folder.vacancy };
  if (folder.kind === 'status') {
    const known = before?.uidValidity === counters.uidValidity ? before.entries : {};
    const uids = searched(await client.search({ all: true }, { uid: true }));
    const entries: Record<string, DecisionEntry> = {};
    const unknown: number[] = [];
    for (const uid of uids) {
      const entry = known[String(uid)];
      if (entry) entries[String(uid)] = entry;
      else unknown.push(uid);
    }
    for (const [uid, message] of await envelopes(client, unknown, false))
      entries[String(uid)] = { messageId: message.messageId, status: folder.status };
    return { ...view, via: 'folder', entries };
  }
  // As configured and in lower case: a server may compare keywords by case, and some clients write them lower-cased.
  const keywords = [
    ...new Set(
      statuses.flatMap((status) =>
        status.keyword === undefined ? [] : [status.keyword, status.keyword.toLowerCase()],
      ),
    ),
  ];
  const uids = searched(await client.search(anyKeyword(keywords), { uid: true }));
  const entries: Record<string, DecisionEntry> = {};
  for (const [uid, message] of await envelopes(client, uids, true)) {
    const status = keywordStatus(message.flags, statuses);
    if (status !== null) entries[String(uid)] = { messageId: message.messageId, status };
  }
  return { ...view, via: 'keyword', entries };
}

function anyKeyword(keywords: readonly string[]): SearchObject {
  const [first, ...rest] = keywords;
  if (first === undefined) return { uid: '0' };
  return rest.length === 0 ? { keyword: first } : { or: keywords.map((keyword) => ({ keyword })) };
}

async function envelopes(
  client: ImapFlow,
  uids: readonly number[],
  flags: boolean,
): Promise<Map<number, { messageId: string; flags: Set<string> }>> {
  const found = new Map<number, { messageId: string; flags: Set<string> }>();
  if (uids.length === 0) return found;
  const fetched = await client.fetchAll(uids.join(','), { uid: true, envelope: true, flags }, { uid: true });
  for (const message of fetched) {
    const messageId = message.envelope?.messageId?.trim().toLowerCase();
    if (messageId) found.set(message.uid, { messageId, flags: message.flags ?? new Set() });
  }
  return found;
}
