import type { Config } from '../config/schema.ts';
import { readDocuments, type DocumentReader } from '../documents/read-documents.ts';
import { bodyProfile } from '../ingest/body-profile.ts';
import { explainMessage, type Explanation, type ReadMessage } from '../ingest/explain-message.ts';
import { ownAddresses } from '../ingest/own-addresses.ts';
import type { ParsedMessage } from '../ingest/parse-message.ts';
import { triageMessage } from '../ingest/triage-message.ts';
import type { ReplyTemplates } from '../replies/reply-templates.ts';

/** `explain`: triages a parsed message and, when it is an application, reads its documents as the daemon would. */
export async function runExplain(
  parsed: ParsedMessage,
  config: Config,
  mailboxId: string,
  templates: ReadonlyMap<string, ReplyTemplates>,
  reader: DocumentReader,
): Promise<Explanation> {
  const triaged = triageMessage(parsed.facts, {
    config,
    mailbox: { id: mailboxId },
    ownAddresses: ownAddresses(config),
    threadVacancy: null,
    receivedAt: parsed.facts.date ?? new Date().toISOString(),
  });
  const vacancy = config.vacancies.find((entry) => entry.id === triaged.vacancy?.id);
  let read: ReadMessage | undefined;
  if (triaged.classification.kind === 'application' && vacancy && triaged.applicant) {
    const context = { keywords: vacancy.keywords, applicantName: triaged.applicant.name };
    read = {
      documents: await readDocuments(reader, triaged.documents, parsed.contents, context),
      bodyProfile: bodyProfile(parsed.text, vacancy.keywords, triaged.applicant.name),
    };
  }
  return explainMessage(parsed.facts, config, mailboxId, templates, read);
}
