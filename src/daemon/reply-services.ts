import type { ReplyTransports } from '../adapters/smtp/reply-transport.ts';
import type { ReplyGuards } from '../adapters/redis/reply-guards.ts';
import type { ReplyLedger } from '../adapters/redis/reply-ledger.ts';
import type { ReplyTemplates } from '../replies/reply-templates.ts';

/** What the reply stage uses besides the shared stage dependencies. */
export interface ReplyServices {
  /** Compiled templates by vacancy id (the vacancy's own folder first, then the defaults). */
  templates: ReadonlyMap<string, ReplyTemplates>;
  transports: ReplyTransports;
  ledger: ReplyLedger;
  guards: ReplyGuards;
}
