import type { Config } from '../../src/config/schema.ts';
import type { DocumentReader } from '../../src/documents/read-documents.ts';
import { explainMessage } from '../../src/explain/explain-message.ts';
import type { Explanation } from '../../src/explain/explanation.ts';
import { parseMessage } from '../../src/mail/parse-message.ts';
import { loadVacancyTemplates } from '../../src/stages/replies/load-vacancy-templates.ts';

/** `explain` on a raw message as the CLI runs it without Redis: no history, guards or sent ledger. */
export async function explainOffline(
  raw: Buffer,
  config: Config,
  reader: DocumentReader,
): Promise<Explanation> {
  return explainMessage(await parseMessage(raw, config.limits), {
    config,
    mailboxId: 'chen',
    templates: await loadVacancyTemplates(config),
    reader,
    history: null,
    guards: null,
    sent: null,
  });
}
