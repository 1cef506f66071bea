import { SealedValues } from '../adapters/redis/sealed-values.ts';
import type { Config } from '../config/schema.ts';
import { plural } from '../domain/plural.ts';
import { TriageError } from '../errors/triage-error.ts';
import { withPersonStores } from './open-person-stores.ts';
import { printText } from './print-text.ts';

/**
 * `triage reseal`: seals every stored value of personal data with the current data key — after a key is set for
 * the first time, or rotated (the old one in `<variable>_PREVIOUS` until this has run). Safe while the daemon runs.
 */
export async function runReseal(config: Config): Promise<void> {
  const variable = config.security.dataKeyEnv;
  await withPersonStores(config, async ({ redis, keys, personal }) => {
    if (!personal.encrypted)
      throw new TriageError('input-invalid', `${variable} is not set: there is no key to seal with`);
    const values = new SealedValues(
      redis,
      keys,
      personal,
      config.mailboxes.map((mailbox) => mailbox.id),
    );
    const resealed = await values.reseal();
    const { due } = await values.count();
    printText(
      `${plural(resealed, 'value')} sealed with the key ${personal.keyFingerprint ?? '?'} of ${variable}; ${due === 0 ? `nothing needs ${variable}_PREVIOUS any more` : `${plural(due, 'value')} changed meanwhile: run it again`}.`,
    );
  });
}
