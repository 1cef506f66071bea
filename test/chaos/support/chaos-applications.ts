import { buildMail, pdfAttachment } from '../../support/build-mail.ts';
import { seededRandom } from '../../support/seeded-random.ts';

/** A message the chaos run appends, and what the daemon owes for it. */
export interface ChaosMessage {
  raw: Buffer;
  messageId: string;
  applicant: string;
  /** The vacancy tag in its subject. */
  tag: string;
  /** False for a follow-up in an application's thread: it is filed, but earns no second acknowledgement. */
  acknowledged: boolean;
}

export const VACANCY_TAGS = ['PHD-robustAI', 'DPHIL-MedIm'] as const;

/**
 * `count` complete applications (CV and transcript) from distinct applicants, in a shuffled order fixed by
 * `seed`; every tenth applicant also applies to the second vacancy, and every seventh sends a follow-up in
 * the thread of their application (with a research proposal), which must be filed but not acknowledged again.
 */
export async function buildChaosMessages(
  count: number,
  seed: number,
  runId: string,
): Promise<ChaosMessage[]> {
  const [cv, transcript, proposal] = await Promise.all(
    ['CV.pdf', 'Transcript.pdf', 'Research_proposal.pdf'].map((name) => pdfAttachment(name)),
  );
  const documents = [cv!, transcript!];
  const messages: ChaosMessage[] = [];
  for (let index = 0; index < count; index += 1) {
    const applicant = `applicant${index}@example.org`;
    const from = `Applicant ${index} <${applicant}>`;
    const application = async (tag: string) => {
      const messageId = `<chaos-${runId}-${index}-${tag}@example.org>`;
      const raw = await buildMail({
        from,
        messageId,
        subject: `[${tag}] Application ${index}`,
        attachments: documents,
      });
      return { raw, messageId, applicant, tag, acknowledged: true };
    };
    const first = await application(VACANCY_TAGS[0]);
    messages.push(first);
    if (index % 10 === 3) messages.push(await application(VACANCY_TAGS[1]));
    if (index % 7 === 5) {
      const messageId = `<chaos-${runId}-${index}-follow-up@example.org>`;
      const raw = await buildMail({
        from,
        messageId,
        subject: `Re: [${first.tag}] Application ${index}`,
        inReplyTo: first.messageId,
        references: [first.messageId],
        text: 'Please also find my research proposal attached.',
        attachments: [proposal!],
      });
      messages.push({ raw, messageId, applicant, tag: first.tag, acknowledged: false });
    }
  }
  return inArrivalOrder(messages, seed);
}

/** Shuffled applications, then the follow-ups (a reply cannot arrive before what it answers). */
function inArrivalOrder(messages: ChaosMessage[], seed: number): ChaosMessage[] {
  const random = seededRandom(seed);
  const shuffled = [...messages];
  for (let index = shuffled.length - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1));
    [shuffled[index], shuffled[other]] = [shuffled[other]!, shuffled[index]!];
  }
  const applications = shuffled.filter((message) => message.acknowledged);
  const followUps = shuffled.filter((message) => !message.acknowledged);
  return [...applications, ...followUps];
}
