// Real containers from other projects' public test suites (test/corpus/containers.json), read from the corpus
// cache; the cache is not in the repository, so without it this suite is skipped with one reason.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { unpackAttachments, type MessagePart } from '../../src/mail/containers/unpack-attachments.ts';
import { corpusDir } from '../support/corpus-dir.ts';

interface CorpusEntry {
  file: string;
  label: string;
  split: 'dev' | 'held-out';
  sha256: string;
}

const CACHE = join(corpusDir(), 'containers');
const MANIFEST = JSON.parse(
  await readFile(new URL('../corpus/containers.json', import.meta.url), 'utf8'),
) as CorpusEntry[];
const LIMITS = {
  maxNestingDepth: 3,
  maxUnpackedBytes: 40 * 1024 * 1024,
  maxAttachments: 100,
  maxUnpackSeconds: 10,
};

// What each real container holds, from its source project's own tests (Apache POI's TestAttachments, msgreader's
// test/*.js), so that a wrong reading fails here.
const EXPECTED: Record<string, string[]> = {
  // Its lie is in the message's own properties, which are not read: no files, nothing allocated.
  'poi/oom.tnef': [],
  'poi/quick-winmail.dat': ['quick.doc', 'quick.html', 'quick.pdf', 'quick.txt', 'quick.xml'],
  'poi/bug52400-winmail-with-attachments.dat': ['scion_tc_2007_maintenanceguide.pdf', 'Duke_Wave.png'],
  'poi/winmail-sample1.dat': ['zappa_av1.jpg', 'bookmark.htm'],
  'poi/attachment_msg_pdf.msg': ['Test Attachment.msg', 'smbprn.00009008.KdcPjl.pdf'],
  'poi/attachment_test_msg.msg': ['test-unicode.doc', 'pj1.txt'],
  'poi/58214_with_attachment.msg': ['Test mail attachment.msg'],
  'msgreader/attachmentFiles.msg': ['jpg.jpg', 'png.png', 'tif.tif'],
  'msgreader/msgInMsg.msg': ['Microsoft Outlook テスト メッセージ.msg', 'green.png'],
  'msgreader/msgInMsgInMsg.msg': [
    'I have attachments!.msg',
    'Microsoft Outlook テスト メッセージ.msg',
    'green.png',
    'blue.png',
  ],
};

function part(file: string, content: Buffer): MessagePart {
  const facts = {
    filename: file.split('/').at(-1) ?? file,
    contentType: 'application/octet-stream',
    size: content.length,
  };
  return { content, facts: { ...facts, sha256: '', inline: false, within: [], container: null } };
}

describe.skipIf(!existsSync(CACHE))(`real containers (corpus cache ${CACHE})`, () => {
  it.each(MANIFEST.map((entry) => [entry.file, entry] as const))('%s', async (_file, entry) => {
    const content = await readFile(join(CACHE, entry.file));
    expect(createHash('sha256').update(content).digest('hex')).toBe(entry.sha256);
    const [container, ...files] = await unpackAttachments([part(entry.file, content)], LIMITS);
    if (EXPECTED[entry.file] === undefined) {
      expect(container?.facts.container).toMatchObject({ status: 'corrupt' });
      expect(files).toEqual([]);
    } else {
      expect(container?.facts.container).toEqual({ status: 'unpacked' });
      expect(files.map((file) => file.facts.filename)).toEqual(EXPECTED[entry.file]);
      expect(
        files.every((file) => file.content.length === file.facts.size && file.facts.within.length > 0),
      ).toBe(true);
    }
  });
});
