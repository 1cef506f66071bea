import type { ExtractedText, ExtractionLimits } from '../../extraction.ts';
import { describeError, readText, unreadable } from '../extraction-result.ts';
import { TextCollector } from '../text-collector.ts';
import { RtfReader } from './read-rtf.ts';
import { rtfTokens } from './rtf-tokens.ts';

/** Reads the text of an RTF document (see `RtfReader`). */
export async function extractRtf(content: Buffer, limits: ExtractionLimits): Promise<ExtractedText> {
  if (!/^\s*\{\\rtf/.test(content.subarray(0, 64).toString('latin1'))) {
    return unreadable('rtf', 'corrupt', 'not an RTF document: no {\\rtf header');
  }
  if (hasOversizedBinary(content)) {
    return unreadable('rtf', 'corrupt', 'a \\bin block claims more bytes than the file holds');
  }
  const collector = new TextCollector(limits.maxTextChars);
  const reader = new RtfReader(collector);
  try {
    for await (const token of rtfTokens(content)) {
      reader.read(token);
      if (collector.full) break;
    }
    reader.end();
  } catch (error) {
    return unreadable('rtf', 'corrupt', `the RTF could not be read: ${describeError(error)}`);
  }
  return readText('rtf', collector.finish());
}

/** The tokenizer allocates `\binN`'s N bytes up front: refuse lengths beyond the file (a memory bomb). */
function hasOversizedBinary(content: Buffer): boolean {
  const pattern = /\\bin(\d+)/g;
  const text = content.toString('latin1');
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    if (Number(match[1]) > content.length) return true;
  }
  return false;
}
