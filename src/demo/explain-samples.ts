import type { Config } from '../config/schema.ts';
import { explainMessage } from '../ingest/explain-message.ts';
import { messageKey } from '../ingest/message-key.ts';
import { parseMessage } from '../ingest/parse-message.ts';
import { loadVacancyTemplates } from '../replies/load-vacancy-templates.ts';
import type { ReportedMessage } from './format-report.ts';
import type { SampleMessage } from './sample-applications.ts';

/** What `explain` says about each sample, from the same parser the daemon uses. */
export async function explainSamples(
  samples: readonly SampleMessage[],
  config: Config,
  mailboxId: string,
): Promise<ReportedMessage[]> {
  const messages: ReportedMessage[] = [];
  const templates = await loadVacancyTemplates(config);
  for (const sample of samples) {
    const { facts } = await parseMessage(Buffer.from(sample.raw, 'utf8'), config.limits);
    const explanation = explainMessage(facts, config, mailboxId, templates);
    messages.push({ shows: sample.shows, facts, key: messageKey(facts), explanation });
  }
  return messages;
}
