/** Reduces a tag to its comparable core: NFKC, lower case, letters and digits only (`[PHD-robustAI]` → `phdrobustai`). */
export function normaliseTag(tag: string): string {
  return tag
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}
