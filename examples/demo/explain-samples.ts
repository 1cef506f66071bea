import type { Config } from '../../src/config/schema.ts';
import { explainMessage, type ExplainPorts } from '../../src/explain/explain-message.ts';
import { DocumentPool } from '../../src/documents/document-pool.ts';
import { messageKey } from '../../src/mail/message-key.ts';
import { parseMessage } from '../../src/mail/parse-message.ts';
import { loadVacancyTemplates } from '../../src/stages/replies/load-vacancy-templates.ts';
import type { ReportedMessage } from './reported-message.ts';
import type { SentRecipients } from '../../src/ports/call-ports.ts';
import type { SampleMessage } from './sample-applications.ts';

/** What `explain` says about each sample, from the same parser the daemon uses. */
export async function explainSamples(
  samples: readonly SampleMessage[],
  config: Config,
  mailboxId: string,
  sentRecipients: SentRecipients,
): Promise<ReportedMessage[]> {
  const templates = await loadVacancyTemplates(config);
  // Documents are read, as the daemon reads them: an enquiry's attached CV can decide its open call.
  const reader = new DocumentPool(config.extraction);
  try {
    return await explainEach(samples, { config, mailboxId, templates, reader, sentRecipients });
  } finally {
    await reader.close();
  }
}

async function explainEach(
  samples: readonly SampleMessage[],
  ports: Pick<ExplainPorts, 'config' | 'mailboxId' | 'templates' | 'reader' | 'sentRecipients'>,
): Promise<ReportedMessage[]> {
  const { config } = ports;
  const messages: ReportedMessage[] = [];
  for (const sample of samples) {
    const parsed = await parseMessage(Buffer.from(sample.raw, 'utf8'), config.limits);
    const { facts } = parsed;
    const explanation = await explainMessage(parsed, { ...ports, history: null, guards: null, sent: null });
    messages.push({ shows: sample.shows, facts, key: messageKey(facts), explanation });
  }
  return messages;
}
