import { describe, expect, it } from 'vitest';
import { parseMessageFile } from '../../../src/cli/run-explain.ts';
import { buildMail } from '../../support/build-mail.ts';

describe('parseMessageFile', () => {
  it('oversize: a file over limits.maxMessageBytes is read from its headers only, as the daemon reads it', async () => {
    const raw = await buildMail({ messageId: '<big@example.org>' });
    const parsed = await parseMessageFile(raw, { maxAttachments: 100, maxMessageBytes: raw.length - 1 });
    expect(parsed.facts.headersOnly).toBe(true);
    expect(parsed.facts.messageId).toBe('<big@example.org>');
    expect(parsed.facts.attachments).toEqual([]);
  });

  it('within-limit: read in full', async () => {
    const raw = await buildMail({ messageId: '<small@example.org>' });
    const parsed = await parseMessageFile(raw, { maxAttachments: 100, maxMessageBytes: raw.length });
    expect(parsed.facts.headersOnly).toBe(false);
    expect(parsed.facts.attachments.map((attachment) => attachment.filename)).toEqual(['CV_Jane_Doe.pdf']);
  });
});
