import { buildMail } from '../../support/build-mail.ts';
import type { ImapTestClient } from '../../support/imap-test-client.ts';
import type { FleetMailbox } from '../../support/mailbox-fleet.ts';
import type { SmtpSink } from '../../support/smtp-sink.ts';

/** One application of the fleet run: built ahead, appended to its mailbox when delivered. */
export interface FleetApplication {
  mailbox: FleetMailbox;
  applicant: string;
  raw: Buffer;
}

/** Builds `perMailbox` applications for each mailbox of `mailboxes`, each from an applicant of its own. */
export async function buildApplications(
  round: string,
  mailboxes: readonly FleetMailbox[],
  perMailbox: number,
): Promise<FleetApplication[]> {
  const applications: FleetApplication[] = [];
  for (const mailbox of mailboxes)
    for (let index = 0; index < perMailbox; index += 1) {
      const applicant = `${round}-${mailbox.id}-${index}@example.org`;
      const raw = await buildMail({
        from: `Applicant ${index} <${applicant}>`,
        to: mailbox.address,
        subject: `[${mailbox.tag}] Application`,
        messageId: `<${round}-${mailbox.id}-${index}@example.org>`,
      });
      applications.push({ mailbox, applicant, raw });
    }
  return applications;
}

/** Appends the applications, every mailbox in parallel, each mailbox's in order. */
export async function deliver(
  applications: readonly FleetApplication[],
  clients: ReadonlyMap<string, ImapTestClient>,
): Promise<void> {
  const byMailbox = Map.groupBy(applications, (application) => application.mailbox.id);
  await Promise.all(
    [...byMailbox].map(async ([id, list]) => {
      for (const application of list) await clients.get(id)?.append(application.raw);
    }),
  );
}

/** How many acknowledgements each address received. */
export function acknowledgementCounts(sink: SmtpSink): Map<string, number> {
  const counts = new Map<string, number>();
  for (const message of sink.messages)
    for (const address of message.to) counts.set(address, (counts.get(address) ?? 0) + 1);
  return counts;
}
