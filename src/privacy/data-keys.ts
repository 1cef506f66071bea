import { readTokenKey, type TokenKey } from '../auth/token-cipher.ts';
import { TriageError } from '../errors/triage-error.ts';

/** The keys personal data is sealed with: the current one (null: stored in clear) and those it replaced. */
export interface DataKeys {
  /** The variable the current key is read from (`security.dataKeyEnv`). */
  variable: string;
  current: TokenKey | null;
  /** Keys still accepted for reading while records are resealed with the current one (`<variable>_PREVIOUS`). */
  previous: TokenKey[];
}

/**
 * Reads the data key named by `security.dataKeyEnv` and the keys in `<name>_PREVIOUS` (comma-separated), each 32
 * random bytes as base64 or hex. An unset key means personal data is stored in clear (`check` warns); a set but
 * malformed or weak one is a configuration error naming the variable, so a typo never silently stores in clear.
 */
export function readDataKeys(variable: string, env: NodeJS.ProcessEnv = process.env): DataKeys {
  const value = env[variable];
  const current = value === undefined || value.trim() === '' ? null : readKey(variable, value);
  const previousVariable = `${variable}_PREVIOUS`;
  const previous = (env[previousVariable] ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
    .map((entry) => readKey(previousVariable, entry));
  return { variable, current, previous };
}

function readKey(variable: string, value: string): TokenKey {
  const reading = readTokenKey(variable, value);
  if (!reading.ok) throw new TriageError('config-invalid', `security.dataKeyEnv: ${reading.problem}`);
  return reading.key;
}
