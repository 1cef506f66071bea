import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { printableBlock } from './printable.ts';
import type { SentReply } from './reply-outcomes.ts';

/** Where the demo writes what the SMTP sink received: `demo-output/replies/` in the checkout (git-ignored). */
export const REPLIES_DIR = fileURLToPath(new URL('../../demo-output/replies/', import.meta.url));

/** A reply written out: `.eml` (the raw source, as received) and `.txt` (its text part, to read). */
export interface SavedReply extends SentReply {
  eml: string;
  txt: string;
}

/** Empties the replies folder, so that it only ever holds the last run's replies. */
export async function clearReplies(dir = REPLIES_DIR): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
}

/** Writes each reply as `<name>.eml` and `<name>.txt`; the paths returned are relative to the current directory. */
export async function saveReplies(replies: readonly SentReply[], dir = REPLIES_DIR): Promise<SavedReply[]> {
  const saved: SavedReply[] = [];
  for (const reply of replies) {
    const eml = join(dir, `${reply.name}.eml`);
    const txt = join(dir, `${reply.name}.txt`);
    await writeFile(eml, reply.mail.raw);
    await writeFile(txt, `${readable(reply)}\n`, 'utf8');
    saved.push({ ...reply, eml: shown(eml), txt: shown(txt) });
  }
  return saved;
}

/** The folder as the user would type it. */
export function shownDir(dir = REPLIES_DIR): string {
  return `${shown(dir).replace(/\/+$/, '')}/`;
}

function shown(path: string): string {
  const local = relative(process.cwd(), path);
  return local.startsWith('..') || local === '' ? path : local;
}

/** A few headers, then the text part; control characters escaped, so that `cat` shows it safely. */
export function readable(reply: SentReply): string {
  const facts = reply.mail.facts;
  const header = (name: string) => facts?.headers[name]?.join(', ') ?? '';
  const to = facts?.to.map((address) => `${address.name} <${address.address}>`.trim()).join(', ');
  return printableBlock(
    [
      `From: ${facts?.from ? `${facts.from.name} <${facts.from.address}>`.trim() : ''}`,
      `To: ${to ?? reply.mail.to.join(', ')}`,
      `Subject: ${facts?.subject ?? ''}`,
      `In-Reply-To: ${header('in-reply-to')}`,
      `Auto-Submitted: ${header('auto-submitted')}`,
      '',
      reply.mail.text || '(no text part)',
    ].join('\n'),
  );
}
