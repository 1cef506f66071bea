import type { Config } from '../../src/config/schema.ts';
import { explainMessage } from '../../src/explain/explain-message.ts';
import { messageKey } from '../../src/mail/message-key.ts';
import { parseMessage } from '../../src/mail/parse-message.ts';
import { loadVacancyTemplates } from '../../src/stages/replies/load-vacancy-templates.ts';
import type { ReportedMessage } from './reported-message.ts';
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
    const parsed = await parseMessage(Buffer.from(sample.raw, 'utf8'), config.limits);
    const { facts } = parsed;
    const explanation = await explainMessage(parsed, {
      config,
      mailboxId,
      templates,
      reader: null,
      history: null,
      guards: null,
      sent: null,
    });
    messages.push({ shows: sample.shows, facts, key: messageKey(facts), explanation });
  }
  return messages;
}
