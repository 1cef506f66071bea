import { describe, expect, it } from 'vitest';
import { buildMail, pdfAttachment } from '../support/build-mail.ts';
import { PRIYA_ADDRESS, priyasApplication, REQUIRING_REFERENCE } from '../support/referee-mail.ts';
import { useDaemonEnvironment, waitForMessage } from '../support/daemon-environment.ts';
import { referenceLetter } from '../support/documents/reference-letters.ts';
import { waitFor } from '../support/wait-for.ts';

const { servers, setup, start } = useDaemonEnvironment();

const PRIYA = PRIYA_ADDRESS;
const SMITH = 'j.smith@kcl.example.ac.uk';

const sentTo = (address: string) => servers.sink.messages.filter((message) => message.to.includes(address));

/** Nothing but the letter itself says whom it is about: untagged, no name in the subject or body, letter.pdf. */
async function smithsLetter(): Promise<Buffer> {
  return buildMail({
    from: `Prof. John Smith <${SMITH}>`,
    messageId: '<smith-letter@kcl.example.ac.uk>',
    subject: 'Letter for your PhD position',
    text: 'Dear Dr Chen,\n\nPlease find my letter attached.\n\nBest wishes,\nJohn',
    attachments: [await pdfAttachment('letter.pdf', referenceLetter('Priya Raman'))],
  });
}

describe("referees' letters read", () => {
  it.each([
    ['letter-first', [smithsLetter, priyasApplication]],
    ['letter-after', [priyasApplication, smithsLetter]],
  ] as const)(
    '%s: letter.pdf recommending Priya Raman is linked to her candidate by the name inside it; one acknowledgement, to her',
    async (name, order) => {
      const { config, mail, store, filed, prefix } = await setup(`ref-read-${name}`, REQUIRING_REFERENCE);
      await start(config);
      for (const build of order) {
        await mail.append(await build());
        // One at a time, so that the order is the one named.
        const key =
          build === smithsLetter ? '<smith-letter@kcl.example.ac.uk>' : '<priya-app@mail.example.com>';
        await waitFor(`${key} triaged`, async () =>
          (await servers.redis.hlen(`${prefix}:held-references:chen`)) > 0 ||
          (await store.list(['robust-ai'])).some(
            (record) =>
              record.messages.some((message) => message.key === key) ||
              record.references.some((reference) => reference.key === key),
          )
            ? true
            : undefined,
        );
      }
      const candidate = await waitFor('the letter linked and filed, the acknowledgement sent', async () => {
        const [record] = await store.list(['robust-ai']);
        return record?.references[0]?.filedTo && record.replies.length > 0 ? record : undefined;
      });
      await waitForMessage(mail, filed, '<smith-letter@kcl.example.ac.uk>');
      expect(candidate.email).toBe(PRIYA);
      expect(candidate.references).toMatchObject([
        {
          key: '<smith-letter@kcl.example.ac.uk>',
          referee: { name: 'Prof. John Smith', address: SMITH },
          linkedBy: { rule: 'name', detail: 'names "Priya Raman"' },
          filedTo: filed,
        },
      ]);
      expect(candidate.documents.map((document) => [document.filename, document.kind])).toEqual([
        ['CV_Priya_Raman.pdf', 'cv'],
        ['letter.pdf', 'reference'],
      ]);
      expect(candidate.missing).toEqual(['transcript']);
      expect(await servers.redis.hlen(`${prefix}:held-references:chen`)).toBe(0);
      expect(await store.list(['robust-ai'])).toHaveLength(1);
      expect(candidate.replies.map((reply) => [reply.kind, reply.to])).toEqual([['acknowledgement', PRIYA]]);
      expect(sentTo(PRIYA)).toHaveLength(1);
      expect(sentTo(SMITH)).toHaveLength(0);
    },
  );
});
