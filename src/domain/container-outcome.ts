/**
 * What became of a container (winmail.dat, an Outlook item, an attached message): unpacked, its files following it
 * among the message's attachments, or kept whole because it is damaged or over a limit, with the reason.
 */
export type ContainerOutcome = { status: 'unpacked' } | { status: 'corrupt' | 'over-limit'; reason: string };
