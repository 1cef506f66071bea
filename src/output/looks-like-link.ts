// A scheme, `www.`, an address, or a host name (`spam.example`, `gnp.exe`, `SPAM.COM`): an ending of two or more
// letters after a dot. `M.Sc.`, `Ph.D.` and `e.g.` are not host names; `Dr.Chen` is taken for one (no harm: it is
// then not echoed). Each name is tried from its first character only, so a long run of letters costs linear time.
const LINK =
  /(?<![A-Za-z0-9+.-])[A-Za-z][A-Za-z0-9+.-]*:\/\/|\b[Ww]{3}\.|@|(?<![\p{L}\p{N}-])[\p{L}\p{N}][\p{L}\p{N}-]+\.[A-Za-z]{2,24}(?![\p{L}\p{N}])|(?<![\p{L}\p{N}-])[\p{L}\p{N}]\.[a-z]{2,24}(?![\p{L}\p{N}])/u;

/** True when `text` carries a link, an address or a domain name: text we never echo back to its sender. Pure. */
export function looksLikeLink(text: string): boolean {
  return LINK.test(text);
}
