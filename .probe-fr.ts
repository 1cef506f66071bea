import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseMessage } from './src/ingest/parse-message.ts';
import { failedRecipients, bounceReferences } from './src/replies/failed-recipients.ts';
function walk(d: string): string[] { return readdirSync(d, { withFileTypes: true }).flatMap((e) => e.isDirectory() ? walk(join(d, e.name)) : [join(d, e.name)]); }
const files = [...walk('test/fixtures/mail'), ...walk('/work/shared/corpus/mail')];
for (const f of files) {
  try {
    const p = await parseMessage(readFileSync(f), { maxAttachments: 1000 });
    const fr = failedRecipients(p); const br = bounceReferences(p);
    if (fr.length || /dsn|bounce|failed|report|mdn|delivery|mail0(33|55|78|92)|Test10|CRLF|Newline/i.test(f)) console.log(f.replace(/^.*mail\//, ''), JSON.stringify(fr), JSON.stringify(br));
  } catch (e) { console.log('ERR', f, (e as Error).message); }
}
