import { createHash } from 'node:crypto';
import { access, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readManifest, splitOf } from '../../corpus/corpus-manifest.ts';
import { corpusDir } from '../../support/corpus-dir.ts';

/** What a corpus mail is, as labelled in the manifest `test/corpus/mail.json`. */
export type MailCategory =
  | 'bounce'
  | 'delay'
  | 'auto-reply'
  | 'challenge-response'
  | 'feedback-report'
  | 'provider-notification'
  | 'human';

/** Every category, automatic ones first. */
export const MAIL_CATEGORIES: readonly MailCategory[] = [
  'bounce',
  'delay',
  'auto-reply',
  'challenge-response',
  'feedback-report',
  'provider-notification',
  'human',
];

/** One labelled corpus mail, as the manifest `test/corpus/mail.json` records it. */
export interface CorpusMail {
  /** Its path inside the cache's `mail/` area. */
  file: string;
  repo: string;
  commit: string;
  path: string;
  licence: string;
  sha256: string;
  label: MailCategory;
  split: 'dev' | 'held-out';
  note: string;
}

/** Where the corpus cache's mail area is (never in the repository: fetched data is not committed). */
export function mailCorpusDirectory(): string {
  return join(corpusDir(), 'mail');
}

/** The manifest's entries, checked (test/corpus/corpus-manifest.ts) and each against the split rule. */
export function loadMailManifest(): CorpusMail[] {
  const entries = readManifest(fileURLToPath(new URL('../../corpus/mail.json', import.meta.url)));
  return entries.map((entry) => {
    if (!(MAIL_CATEGORIES as readonly string[]).includes(entry.label))
      throw new Error(`${entry.file}: ${entry.label} is no mail category`);
    if (entry.split !== splitOf(entry.file)) throw new Error(`${entry.file}: split is not the hash's`);
    return { ...entry, label: entry.label as MailCategory, note: entry.note ?? '' };
  });
}

/**
 * Whether the cache holds every file of the manifest: without them the measurement is skipped (a cache filled from
 * an older manifest would measure a different corpus; `npm run corpus:collect` completes it).
 */
export async function mailCorpusPresent(): Promise<boolean> {
  const mails = loadMailManifest();
  const found = await Promise.all(
    mails.map((mail) =>
      access(join(mailCorpusDirectory(), mail.file)).then(
        () => true,
        () => false,
      ),
    ),
  );
  return mails.length > 0 && found.every(Boolean);
}

/** A mail's raw bytes from the cache, checked against the manifest's SHA-256. */
export async function readCorpusMail(mail: CorpusMail): Promise<Buffer> {
  const raw = await readFile(join(mailCorpusDirectory(), mail.file));
  const digest = createHash('sha256').update(raw).digest('hex');
  if (digest !== mail.sha256)
    throw new Error(`${mail.file}: SHA-256 ${digest}, the manifest says ${mail.sha256}`);
  return raw;
}

/**
 * The raw message with `tag` added to its Subject, as an auto-reply quoting a tagged subject would carry it: appended
 * to the first top-level Subject line (after any encoded words, so the prefix stays first), or a Subject of its own
 * when there is none. Only the header block is touched.
 */
export function injectTag(raw: Buffer, tag: string): Buffer {
  const text = raw.toString('latin1');
  const end = /\r?\n\r?\n|\r\r/.exec(text);
  const headerEnd = end ? end.index : text.length;
  const header = text.slice(0, headerEnd);
  const subject = /^subject:[^\r\n]*/im.exec(header);
  const tagged =
    subject === null
      ? `Subject: ${tag}${header.includes('\r\n') ? '\r\n' : '\n'}${header}`
      : `${header.slice(0, subject.index + subject[0].length)} ${tag}${header.slice(subject.index + subject[0].length)}`;
  return Buffer.concat([Buffer.from(tagged, 'latin1'), raw.subarray(Buffer.byteLength(header, 'latin1'))]);
}
