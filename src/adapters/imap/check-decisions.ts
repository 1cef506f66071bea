import type { DecisionsConfig } from '../../config/decision-schema.ts';
import type { MailboxConfig } from '../../config/schema.ts';
import type { Logger } from '../../logging/create-logger.ts';
import { decisionFolders, type DecisionFolder } from '../../mailbox/decision-folders.ts';
import {
  decisionChanges,
  needsScan,
  type DecisionChange,
  type FolderCounters,
  type FolderView,
} from '../../mailbox/plan-decisions.ts';
import type { DecisionViewStore } from '../redis/decision-view-store.ts';
import type { MailboxConnections } from './mailbox-connections.ts';
import { folderCounters, readDecisionFolder } from './read-decision-folders.ts';

/** What one look at a mailbox's decision folders needs. */
export interface DecisionCheckDependencies {
  connections: Pick<MailboxConnections, 'withFolder'>;
  mailbox: MailboxConfig;
  /** The ids of the mailbox's vacancies. */
  vacancies: readonly string[];
  decisions: DecisionsConfig;
  views: DecisionViewStore;
  /** Records the changes on the candidates (runDecisions); the views are saved only after it succeeded. */
  record: (changes: readonly DecisionChange[]) => Promise<unknown>;
  logger: Logger;
}

/**
 * One look at the decision folders of a mailbox: one LIST, then one STATUS per status subfolder that exists and
 * (with CONDSTORE, when a status has a keyword) per vacancy folder, on the worker connection without leaving the
 * watched folder. Only a folder whose counters moved is selected and read (on the flags connection); the changes
 * are recorded, then what was seen is saved, so a crash in between only repeats the (idempotent) recording.
 * Returns the changes found.
 */
export async function checkDecisions(deps: DecisionCheckDependencies): Promise<DecisionChange[]> {
  const { mailbox } = deps;
  const looked = await deps.connections.withFolder(mailbox.id, mailbox.watch, async (client) => {
    const namespace = client.namespace ?? { prefix: '', delimiter: '/' };
    const folders = decisionFolders(
      mailbox.filing,
      { prefix: namespace.prefix ?? '', delimiter: namespace.delimiter ?? null },
      deps.vacancies,
      deps.decisions.statuses,
    );
    const condstore = client.capabilities.has('CONDSTORE');
    // One LIST says which folders exist: a STATUS of a missing one would cost a NO and imapflow's LIST after it.
    const existing = new Set(
      (await client.list({ listOnly: true }))
        .filter((entry) => !entry.flags.has('\\Noselect'))
        .map((entry) => entry.path),
    );
    const counted: Array<{ folder: DecisionFolder; counters: FolderCounters | null }> = [];
    for (const folder of folders) {
      if (folder.kind === 'keywords' && !condstore) continue;
      const counters = existing.has(folder.path)
        ? await folderCounters(client, folder.path, condstore)
        : null;
      counted.push({ folder, counters });
    }
    return counted;
  });
  const stored = await deps.views.read(mailbox.id);
  const before: FolderView[] = [];
  const after: FolderView[] = [];
  const updates = new Map<string, FolderView | null>();
  for (const { folder, counters } of looked) {
    const earlier = stored.get(folder.path);
    if (earlier) before.push(earlier);
    if (counters === null) {
      if (earlier) updates.set(folder.path, null);
      continue;
    }
    if (!needsScan(folder, earlier, counters)) {
      if (earlier) after.push(earlier);
      continue;
    }
    const view = await deps.connections.withFolder(
      mailbox.id,
      folder.path,
      (client) => readDecisionFolder(client, folder, counters, earlier, deps.decisions.statuses),
      'flags',
    );
    after.push(view);
    updates.set(folder.path, view);
  }
  const changes = decisionChanges(before, after);
  if (changes.length > 0) await deps.record(changes);
  await deps.views.write(mailbox.id, updates);
  deps.logger.debug(
    { folders: looked.length, read: updates.size, changes: changes.length },
    'looked for decisions',
  );
  return changes;
}
