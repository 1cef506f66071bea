import type { DocumentFacts } from '../../../documents/document-facts.ts';
import type { MessageFacts } from '../../../mail/message-facts.ts';
import { guessDocumentKind } from '../../../documents/guess-document-kind.ts';
import { ownText } from '../../../mail/own-text.ts';
import type { Classification } from '../classify-message.ts';
import { recogniseReferee, type RefereeRecognition } from './recognise-referee.ts';

// A letter in the text is read from its first pages.
const OWN_TEXT_LIMIT = 20_000;

/** A referee recognition and its one-line evidence for the classification. */
export interface RefereeVerdict {
  recognition: RefereeRecognition;
  /** "referee's mail (score 7): subject 'reference' (+3), letter Reference_Priya_Raman.pdf (+3), …". */
  detail: string;
}

/**
 * Weighs a mail that would otherwise be an application (by tag or thread) or untagged for being a referee's
 * (recogniseReferee); null for every other kind (auto-replies, bounces, lists, own mail keep their verdict). Pure.
 */
export function refereeVerdict(
  facts: MessageFacts,
  classification: Classification,
  context: {
    ownAddresses: ReadonlySet<string>;
    bodyText?: string;
    text?: string;
    /** The attachments as read while planning (see refereeLetterToRead); null or absent: not read. */
    documentsRead?: readonly DocumentFacts[] | null;
  },
): RefereeVerdict | null {
  if (classification.kind !== 'application' && classification.kind !== 'untagged') return null;
  const sender = facts.from?.address ?? '';
  const readings = context.documentsRead ?? [];
  const recognition = recogniseReferee({
    subject: facts.subject,
    // The referee's own words: an applicant's mail quoted below them ("my CV", "I am applying") is not theirs.
    text: ownText(context.bodyText ?? context.text ?? '', { limit: OWN_TEXT_LIMIT, stopAtSignature: false }),
    documents: facts.attachments
      .map((attachment, index) => ({ attachment, index }))
      .filter(({ attachment }) => !attachment.inline && attachment.container?.status !== 'unpacked')
      .map(({ attachment, index }) => {
        // Only a kind its content decided counts as read; one that found none (`other`) leaves the name's kind.
        const read = readings.find(
          (document) =>
            document.index === index &&
            document.kind !== 'other' &&
            document.reading?.kindSource === 'content',
        );
        return {
          filename: attachment.filename ?? '',
          kind: read?.kind ?? guessDocumentKind(attachment.filename, attachment.contentType),
          read: read !== undefined,
        };
      }),
    letterNames: readings.flatMap((document) => document.reading?.profile?.applicantsNamed ?? []),
    notApplicant: new Set([...context.ownAddresses, sender]),
    senderName: facts.from?.name ?? '',
  });
  const verdict = recognition.referee ? "referee's mail" : 'not a referee';
  return {
    recognition,
    detail: `${verdict} (score ${recognition.score}): ${recognition.evidence.join(', ')}`,
  };
}
