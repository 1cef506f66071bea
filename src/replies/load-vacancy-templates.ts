import { fileURLToPath } from 'node:url';
import type { Config } from '../config/schema.ts';
import { loadReplyTemplates, type ReplyTemplates } from './reply-templates.ts';

/** The templates shipped with the daemon (`config/templates/` of the installation). */
export const SHIPPED_TEMPLATES = fileURLToPath(new URL('../../config/templates/', import.meta.url));

/** Loads every vacancy's templates: its own folder first, then `replies.templates`, then the shipped ones. */
export async function loadVacancyTemplates(
  config: Pick<Config, 'vacancies' | 'replies'>,
): Promise<Map<string, ReplyTemplates>> {
  const loaded = new Map<string, ReplyTemplates>();
  for (const vacancy of config.vacancies) {
    const folders = [vacancy.templates, config.replies.templates, SHIPPED_TEMPLATES].filter(
      (folder): folder is string => folder !== undefined,
    );
    loaded.set(vacancy.id, await loadReplyTemplates(folders));
  }
  return loaded;
}
