/**
 * The characters a tag is mistyped with because they look alike, kept small on purpose: `l`, `I`, `1` and `|`;
 * `0` and `O`; `5` and `S`; `rn` and `m`. Anything else is a near miss for review, never accepted.
 */
export const CONFUSABLE_SETS: readonly string[] = ['l I 1 |', '0 O', '5 S', 'rn m'];

/** A lower-cased key with each confusable set folded to one spelling (`rn` and `m` both become `rn`). Pure. */
export function foldConfusables(key: string): string {
  return key
    .replace(/[il1|]/g, 'i')
    .replace(/[o0]/g, 'o')
    .replace(/[s5]/g, 's')
    .replace(/m/g, 'rn');
}

/** The subject with `|` read as the letter it stands in for, so that a tag typed with it is one word. Pure. */
export function pipeAsLetter(subject: string): string {
  return subject.replace(/\|/g, 'l');
}
