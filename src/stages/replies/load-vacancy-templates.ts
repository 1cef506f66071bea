import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Config } from '../../config/schema.ts';
import { loadReplyTemplates } from './reply-templates.ts';
import { type ReplyTemplates } from './render-reply.ts';

// From src/stages/replies/ (run from source) or dist/src/stages/replies/ (compiled): the installation's config/templates/.
const SHIPPED_CANDIDATES = ['../../../config/templates/', '../../../../config/templates/'].map((relative) =>
  fileURLToPath(new URL(relative, import.meta.url)),
);

/** The templates shipped with the daemon (`config/templates/` of the installation). */
export const SHIPPED_TEMPLATES =
  SHIPPED_CANDIDATES.find((folder) => existsSync(folder)) ?? SHIPPED_CANDIDATES[0] ?? '';

/**
 * Loads every vacancy's templates (with a `decision-<status>` one for each status that sends it): its own folder
 * first, then `replies.templates`, then the shipped ones.
 */
export async function loadVacancyTemplates(
  config: Pick<Config, 'vacancies' | 'replies'> & Partial<Pick<Config, 'decisions'>>,
): Promise<Map<string, ReplyTemplates>> {
  const decisions = config.decisions?.enabled
    ? config.decisions.statuses.filter((status) => status.reply).map((status) => status.id)
    : [];
  const loaded = new Map<string, ReplyTemplates>();
  // Vacancies with the same folders share one compiled set (usually all of them share the shipped one).
  const byFolders = new Map<string, ReplyTemplates>();
  for (const vacancy of config.vacancies) {
    const folders = [vacancy.templates, config.replies.templates, SHIPPED_TEMPLATES].filter(
      (folder): folder is string => folder !== undefined,
    );
    const key = folders.join('\n');
    const templates = byFolders.get(key) ?? (await loadReplyTemplates(folders, decisions));
    byFolders.set(key, templates);
    loaded.set(vacancy.id, templates);
  }
  return loaded;
}
