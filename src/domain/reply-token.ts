import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** The prefix of the token line every reply carries in its body. */
export const REPLY_TOKEN_LABEL = 'Ref:';

const VERSION = 'AT1';
const PART_BYTES = 10;
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
// Fixed length, no nesting: one linear pass over the text.
const TOKEN = /AT1-([A-Z2-7]{32})(?![A-Z2-7])/g;

/** A token found in a body, and whether it verifies with our key. */
export interface FoundReplyToken {
  token: string;
  ours: boolean;
}

/** The token key derived from the configured secret (`security.secret`), kept apart from any other use of it. */
export function replyKeyFromSecret(secret: string): Buffer {
  return createHmac('sha256', secret).update('applicant-triage reply token v1').digest();
}

/**
 * The body token of the reply with `messageId`: `AT1-` + base32(nonce ‖ mac), where the nonce is a digest of the
 * Message-ID and the mac an HMAC-SHA256 of the nonce under `key`, each truncated to 80 bits. It verifies from the
 * body alone (forwarding drops the headers), and only with our key. Pure.
 */
export function replyToken(key: Buffer, messageId: string): string {
  const nonce = createHash('sha256').update(messageId.trim().toLowerCase()).digest().subarray(0, PART_BYTES);
  return `${VERSION}-${base32(Buffer.concat([nonce, mac(key, nonce)]))}`;
}

/**
 * The first token in `text` that verifies with `key`, else the first token of that shape (another installation's,
 * or one we cannot check without the key), else null. Linear in the length of `text`. Pure.
 */
export function findReplyToken(text: string, key: Buffer | null): FoundReplyToken | null {
  let first: FoundReplyToken | null = null;
  for (const match of text.matchAll(TOKEN)) {
    const bytes = unbase32(match[1] ?? '');
    const nonce = bytes.subarray(0, PART_BYTES);
    const ours = key !== null && timingSafeEqual(bytes.subarray(PART_BYTES), mac(key, nonce));
    if (ours) return { token: match[0], ours };
    first ??= { token: match[0], ours };
  }
  return first;
}

function mac(key: Buffer, nonce: Buffer): Buffer {
  return createHmac('sha256', key).update(`${VERSION}|`).update(nonce).digest().subarray(0, PART_BYTES);
}

function base32(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return bits > 0 ? out + BASE32[(value << (5 - bits)) & 31] : out;
}

function unbase32(text: string): Buffer {
  const bytes: number[] = [];
  let bits = 0;
  let value = 0;
  for (const char of text) {
    value = ((value << 5) | BASE32.indexOf(char)) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Buffer.from(bytes);
}
