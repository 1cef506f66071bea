// A Message-ID as we repeat it: angle brackets around printable ASCII without spaces or brackets, short enough
// that `References:` folds between ids and no header line passes 998 octets.
const MESSAGE_ID = /^<[\x21-\x3B\x3D\x3F-\x7E]{1,250}>$/;

/** A Message-ID taken from mail, as it may be repeated in In-Reply-To and References; null when it is not one. Pure. */
export function messageIdText(id: string | null): string | null {
  if (id === null) return null;
  const trimmed = id.trim();
  return MESSAGE_ID.test(trimmed) ? trimmed : null;
}
