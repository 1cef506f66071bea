/** Lines that end a sender's own words: a quoted earlier message follows. */
const QUOTE_INTRODUCTIONS = [
  /^\s*-{2,}\s*original message\s*-{2,}\s*$/i,
  /^\s*_{20,}\s*$/,
  /^on .{1,200} wrote:\s*$/i,
  /^am .{1,200} schrieb .{0,100}:\s*$/i,
  /^le .{1,200} a écrit ?:\s*$/i,
];
/** The signature separator, "-- ". */
const SIGNATURE = /^-- ?$/;

/**
 * The text the sender wrote themselves: `>` quoted lines skipped, stopping at a quoted earlier message (in
 * English, German or French clients' wording) and, with `stopAtSignature`, at the signature; at most `limit`
 * characters.
 */
export function ownText(text: string, options: { limit: number; stopAtSignature: boolean }): string {
  const kept: string[] = [];
  let length = 0;
  for (const line of text.split(/\r\n|\r|\n/)) {
    if (QUOTE_INTRODUCTIONS.some((pattern) => pattern.test(line))) break;
    if (options.stopAtSignature && SIGNATURE.test(line)) break;
    if (/^\s*>/.test(line)) continue;
    kept.push(line);
    length += line.length + 1;
    if (length >= options.limit) break;
  }
  return kept.join('\n').slice(0, options.limit);
}
