import { checkDecisions } from '../adapters/imap/check-decisions.ts';
import { DecisionViewStore } from '../adapters/redis/decision-view-store.ts';
import type { MailboxConfig } from '../config/schema.ts';
import type { StageServices } from '../runtime/stage-services.ts';
import { runDecisions } from '../stages/decisions/run-decisions.ts';

/**
 * A mailbox watcher's look at the decision folders of the mailbox's vacancies, recording what changed on the
 * candidates (runDecisions); undefined when `decisions.enabled` is false.
 */
export function decisionCheck(
  services: Pick<StageServices, 'config' | 'connections' | 'redis' | 'keys' | 'assess' | 'logger'>,
  mailbox: MailboxConfig,
): (() => Promise<unknown>) | undefined {
  const { config } = services;
  if (!config.decisions.enabled) return undefined;
  const views = new DecisionViewStore(services.redis, services.keys);
  const logger = services.logger.child({ component: 'decisions', mailbox: mailbox.id });
  const vacancies = config.vacancies.filter((vacancy) => vacancy.mailbox === mailbox.id).map((v) => v.id);
  return () =>
    checkDecisions({
      connections: services.connections,
      mailbox,
      vacancies,
      decisions: config.decisions,
      views,
      record: (changes) => runDecisions({ ...services.assess, config, logger }, changes),
      logger,
    });
}
