import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let collect: (() => void) | null = null;

/**
 * A full V8 collection now. After a large message the process holds tens of MB it no longer needs (its source, the
 * decoded attachments and the parser's pieces), which V8 would only return at its next major collection, while the
 * heap has room to grow: the RSS peaked with more dead than live memory (README "Where the memory goes").
 * `gc` is V8's own, exposed once (`--expose-gc` set at run time and read from a fresh context) so that no launcher
 * needs a flag for it.
 */
export function collectGarbage(): void {
  collect ??= exposedGc();
  collect();
}

function exposedGc(): () => void {
  const global = (globalThis as { gc?: unknown }).gc;
  if (typeof global === 'function') return global as () => void;
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}
