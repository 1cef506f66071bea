import { parseMessage } from '../src/mail/parse-message.ts';
import { loadMailManifest, readCorpusMail } from './accuracy/mail/mail-corpus.ts';
const files = process.argv.slice(2);
for (const mail of loadMailManifest()) {
  if (mail.split !== 'dev' || !files.includes(mail.file)) continue;
  const parsed = await parseMessage(await readCorpusMail(mail), { maxAttachments: 100 });
  const t = parsed.text.replace(/\s+/g, ' ');
  console.log(`=== ${mail.file} (${t.length})\n${t.slice(0, 500)}\n ... ${t.slice(-400)}`);
}
