import { parseMessage } from '../../src/mail/parse-message.ts';
import type { ClassifyContext } from '../../src/stages/ingest/automatic/verdict.ts';
import { classifyMessage } from '../../src/stages/ingest/classify-message.ts';
import { loadMailManifest, readCorpusMail } from '../accuracy/mail/mail-corpus.ts';

const CONTEXT: ClassifyContext = {
  ownAddresses: new Set(['chen@uni.example']),
  loopMarkerHeader: 'x-applicant-triage',
  vacancies: [{ id: 'robust-ai', tag: 'PHD-robustAI' }],
};

/** Classifies a raw message through the real parser, for the example mailbox `chen@uni.example` and its one vacancy. */
export async function classifyRaw(raw: Buffer) {
  const { facts, text } = await parseMessage(raw, { maxAttachments: 100 });
  return classifyMessage(facts, { ...CONTEXT, text });
}

/** Classifies a development-split message of the real-world corpus (test/corpus/mail.json), read from the cache. */
export async function classifyCorpusMail(file: string) {
  const mail = loadMailManifest().find((entry) => entry.file === file);
  if (mail === undefined || mail.split !== 'dev')
    throw new Error(`${file} is no development mail of the corpus`);
  return classifyRaw(await readCorpusMail(mail));
}
