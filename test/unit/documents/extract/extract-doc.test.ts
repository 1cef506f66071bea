import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { extractDoc } from '../../../../src/documents/extract/extract-doc.ts';
import { extractDocument } from '../../../../src/documents/extract/extract-document.ts';
import { TEST_LIMITS } from '../../../support/documents/sample-specs.ts';

// Third-party mail shared next to the checkout (see its SOURCES.md); read in place, never copied.
const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const CORPUS = resolve(REPO_ROOT, '../shared/corpus');
const WORD_97_MAIL = resolve(CORPUS, 'mail/otobo/PostMaster/PostMaster-Test13.box');
const MISLABELLED_MAIL = resolve(CORPUS, 'mail/zammad/mail078-content_transfer_encoding_x_uuencode.box');

const OLE_MAGIC = Buffer.from('d0cf11e0a1b11ae1', 'hex');

/** The application/msword attachments of a corpus mail, parsed by mailparser as the pipeline does. */
async function wordAttachments(path: string): Promise<{ content: Buffer; filename: string | null }[]> {
  const mail = await simpleParser(await readFile(path));
  return mail.attachments
    .filter((attachment) => attachment.contentType === 'application/msword')
    .map((attachment) => ({ content: attachment.content, filename: attachment.filename ?? null }));
}

describe('extractDoc', () => {
  it.skipIf(!existsSync(WORD_97_MAIL))(
    'reads a Word 97 attachment from the corpus (Cyrillic, tables)',
    async () => {
      const [attachment] = await wordAttachments(WORD_97_MAIL);
      expect(attachment).toBeDefined();
      const result = await extractDocument(
        attachment!.content,
        { filename: attachment!.filename, contentType: 'application/msword' },
        TEST_LIMITS,
      );
      expect(result).toMatchObject({ status: 'ok', format: 'doc', reason: null });
      expect(result.text.split('\n')[0]).toBe(
        'Заявка на генерацию транзакции на обслуживание карты другого эмитента',
      );
      expect(result.text).toContain('Номер карты клиента\t402 013997');
    },
  );

  it.skipIf(!existsSync(MISLABELLED_MAIL))(
    'calls a corpus attachment labelled msword that is not one corrupt',
    async () => {
      const [attachment] = await wordAttachments(MISLABELLED_MAIL);
      const result = await extractDocument(
        attachment!.content,
        { filename: attachment!.filename, contentType: 'application/msword' },
        TEST_LIMITS,
      );
      expect(result).toMatchObject({ status: 'corrupt', format: 'doc', text: '' });
    },
  );

  it('reports an OLE file that is no Word document as corrupt', async () => {
    const result = await extractDoc(Buffer.concat([OLE_MAGIC, Buffer.alloc(2048, 0xff)]), TEST_LIMITS);
    expect(result).toMatchObject({ status: 'corrupt', format: 'doc' });
  });

  it('reports a password-protected Office file (an OLE EncryptedPackage) as encrypted', async () => {
    const ole = Buffer.concat([
      OLE_MAGIC,
      Buffer.alloc(1024),
      Buffer.from('EncryptedPackage', 'utf16le'),
      Buffer.alloc(512),
    ]);
    expect(await extractDoc(ole, TEST_LIMITS)).toMatchObject({ status: 'encrypted', format: 'doc' });
  });
});
