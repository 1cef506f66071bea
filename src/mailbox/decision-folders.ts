import type { DecisionStatusConfig } from '../config/decision-schema.ts';
import { filingFolder, type FolderNamespace } from './filing-folder.ts';

/**
 * A folder the watcher looks at for decisions: a status subfolder of a vacancy's folder (every message in it has
 * that status), or the vacancy's folder itself, where keywords on filed messages give statuses.
 */
export type DecisionFolder =
  | { kind: 'status'; vacancy: string; path: string; status: string }
  | { kind: 'keywords'; vacancy: string; path: string };

/**
 * The decision folders of a mailbox's vacancies, named with the server's delimiter inside its personal namespace
 * (`Applications/robust-ai/Shortlist`, `INBOX.Applications.robust-ai.Shortlist`); the vacancy's folder only when
 * a status has a keyword. Pure.
 */
export function decisionFolders(
  filing: string,
  namespace: FolderNamespace,
  vacancyIds: readonly string[],
  statuses: readonly DecisionStatusConfig[],
): DecisionFolder[] {
  const delimiter = namespace.delimiter && namespace.delimiter.length > 0 ? namespace.delimiter : '/';
  const keywords = statuses.some((status) => status.keyword !== undefined);
  return vacancyIds.flatMap((vacancy) => {
    const base = filingFolder(filing, namespace, vacancy);
    const subfolders: DecisionFolder[] = statuses.map((status) => ({
      kind: 'status',
      vacancy,
      path: `${base}${delimiter}${status.folder}`,
      status: status.id,
    }));
    return keywords ? [...subfolders, { kind: 'keywords', vacancy, path: base }] : subfolders;
  });
}

/** The status a message's flags give: the first configured status whose keyword it carries (any case), or null. */
export function keywordStatus(
  flags: Iterable<string>,
  statuses: readonly DecisionStatusConfig[],
): string | null {
  const carried = new Set([...flags].map((flag) => flag.toLowerCase()));
  const found = statuses.find((status) => status.keyword && carried.has(status.keyword.toLowerCase()));
  return found?.id ?? null;
}
