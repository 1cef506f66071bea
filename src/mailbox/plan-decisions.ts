import type { DecisionFolder } from './decision-folders.ts';

/** What a STATUS command tells of a folder: enough to know whether anything in it changed. */
export interface FolderCounters {
  uidValidity: string;
  uidNext: number;
  messages: number;
  /** HIGHESTMODSEQ (CONDSTORE), which a keyword set or cleared moves; null when the server has no CONDSTORE. */
  highestModseq: string | null;
}

/** One message of a decision folder that gives a status: its Message-ID (lower-cased) and the status. */
export interface DecisionEntry {
  messageId: string;
  status: string;
}

/** What the watcher last saw in a decision folder: its counters and, by UID, the messages that give a status. */
export interface FolderView extends FolderCounters {
  path: string;
  vacancy: string;
  via: 'folder' | 'keyword';
  entries: Record<string, DecisionEntry>;
}

/** A message's status as the mailbox now shows it, after it changed: null when nothing gives it one any more. */
export interface DecisionChange {
  vacancy: string;
  messageId: string;
  status: string | null;
  via: 'folder' | 'keyword';
  folder: string;
}

/**
 * Whether a decision folder must be read again: it is new to the watcher, or its counters moved (a message moved
 * in or out of a status folder; a keyword folder's HIGHESTMODSEQ). A folder that does not exist (null) is not read;
 * keywords are not read without CONDSTORE. Pure.
 */
export function needsScan(
  folder: DecisionFolder,
  before: FolderCounters | undefined,
  now: FolderCounters | null,
): boolean {
  if (now === null) return false;
  if (folder.kind === 'keywords') {
    if (now.highestModseq === null) return false;
    return before?.highestModseq !== now.highestModseq || before.uidValidity !== now.uidValidity;
  }
  if (before === undefined) return now.messages > 0;
  return (
    before.uidValidity !== now.uidValidity ||
    before.uidNext !== now.uidNext ||
    before.messages !== now.messages
  );
}

/**
 * The messages whose status changed between two looks at the decision folders. Latest move wins: a message that
 * came into a status folder (or got a keyword) takes that status; one that left every status folder (and lost its
 * keywords) has none; one that left one but is still in another (Gmail labels) keeps the other's. Pure.
 */
export function decisionChanges(
  before: readonly FolderView[],
  after: readonly FolderView[],
): DecisionChange[] {
  const earlier = placesByMessage(before);
  const now = placesByMessage(after);
  const changes: DecisionChange[] = [];
  for (const key of new Set([...earlier.keys(), ...now.keys()])) {
    const [vacancy = '', messageId = ''] = key.split('\n');
    const was = earlier.get(key) ?? [];
    const is = now.get(key) ?? [];
    const added = is.filter((place) => !was.some((old) => samePlace(old, place)));
    const removed = was.filter((old) => !is.some((place) => samePlace(old, place)));
    const [arrived] = added;
    const [left] = removed;
    if (arrived) changes.push({ vacancy, messageId, ...arrived });
    else if (left && is[0]) changes.push({ vacancy, messageId, ...is[0] });
    else if (left) changes.push({ vacancy, messageId, ...left, status: null });
  }
  return changes;
}

interface Place {
  status: string;
  via: 'folder' | 'keyword';
  folder: string;
}

function samePlace(a: Place, b: Place): boolean {
  return a.via === b.via && a.folder === b.folder && a.status === b.status;
}

function placesByMessage(views: readonly FolderView[]): Map<string, Place[]> {
  const places = new Map<string, Place[]>();
  for (const view of views) {
    for (const entry of Object.values(view.entries)) {
      const key = `${view.vacancy}\n${entry.messageId}`;
      const list = places.get(key) ?? [];
      list.push({ status: entry.status, via: view.via, folder: view.path });
      places.set(key, list);
    }
  }
  return places;
}
