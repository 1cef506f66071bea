import { createHash } from 'node:crypto';
import { bytesOf, headOf, type AttachmentBytes } from '../../documents/attachment-bytes.ts';
import type { AttachmentFacts } from '../message-facts.ts';
import {
  containerFormat,
  openContainer,
  type ContainerFormat,
  type OpenedContainer,
} from './open-container.ts';

/** A part of a message as mailparser gives it (spooled when large), or a file taken out of a container. */
export interface MessagePart {
  facts: AttachmentFacts;
  content: AttachmentBytes;
}

/** The limits on unpacking one message's containers (`limits` in the config). */
export interface UnpackLimits {
  /** How deep containers inside containers are opened (1: only the message's own). */
  maxNestingDepth: number;
  /** Bytes all containers of one message may give, together. */
  maxUnpackedBytes: number;
  /** Attachments one message may have, those inside containers counted. */
  maxAttachments: number;
  /** Seconds all of one message's containers may take to open, together. */
  maxUnpackSeconds: number;
}

const FORMAT_WORDS: Record<ContainerFormat, string> = {
  tnef: 'TNEF stream (winmail.dat)',
  outlook: 'Outlook item',
  message: 'attached message',
};

interface Budget {
  bytes: number;
  attachments: number;
  /** When the message's time for unpacking runs out (Date.now() milliseconds). */
  deadline: number;
}

/**
 * The message's parts with every container (winmail.dat, Outlook item, attached message) followed by the files it
 * holds, each knowing the containers it came out of (`within`), in depth-first order. A container that cannot be
 * opened, or whose files would pass a limit, is kept whole with the reason (`container`), never fatal; what the
 * limits leave unopened is not lost: the container stays a part of the list.
 */
export async function unpackAttachments(
  parts: readonly MessagePart[],
  limits: UnpackLimits,
): Promise<MessagePart[]> {
  const budget: Budget = {
    bytes: 0,
    attachments: parts.length,
    deadline: Date.now() + limits.maxUnpackSeconds * 1000,
  };
  const result: MessagePart[] = [];
  for (const part of parts) await unpackPart(part, 0, limits, budget, result);
  return result;
}

async function unpackPart(
  part: MessagePart,
  depth: number,
  limits: UnpackLimits,
  budget: Budget,
  result: MessagePart[],
): Promise<void> {
  const format = containerFormat(part.facts, headOf(part.content));
  if (format === null) {
    result.push(part);
    return;
  }
  if (depth >= limits.maxNestingDepth) {
    const reason = `not unpacked: nested deeper than limits.maxNestingDepth (${limits.maxNestingDepth})`;
    result.push(withOutcome(part, { status: 'over-limit', reason }));
    return;
  }
  const seconds = Math.floor((budget.deadline - Date.now()) / 1000);
  if (seconds < 1) {
    const reason = `not unpacked: the message's limits.maxUnpackSeconds (${limits.maxUnpackSeconds}) are spent`;
    result.push(withOutcome(part, { status: 'over-limit', reason }));
    return;
  }
  const remaining = limits.maxUnpackedBytes - budget.bytes;
  let opened: OpenedContainer;
  try {
    // A container is opened from memory, a spooled one read back for it.
    opened = await openContainer(format, await bytesOf(part.content), { maxBytes: remaining, seconds });
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    const reason = `the ${FORMAT_WORDS[format]} could not be unpacked: ${why}`;
    result.push(withOutcome(part, { status: 'corrupt', reason }));
    return;
  }
  const files = opened.files.map(toPart);
  const bytes = files.reduce((sum, file) => sum + file.content.length, 0);
  const over =
    opened.skipped > 0
      ? `not unpacked: its files would pass limits.maxUnpackedBytes (${limits.maxUnpackedBytes})`
      : overLimit(bytes, files.length, limits, budget);
  if (over !== null) {
    result.push(withOutcome(part, { status: 'over-limit', reason: over }));
    return;
  }
  budget.bytes += bytes;
  budget.attachments += files.length;
  result.push(withOutcome(part, { status: 'unpacked' }));
  const name = part.facts.filename ?? format;
  for (const file of files) {
    const within = [...part.facts.within, name];
    await unpackPart({ ...file, facts: { ...file.facts, within } }, depth + 1, limits, budget, result);
  }
}

function overLimit(bytes: number, count: number, limits: UnpackLimits, budget: Budget): string | null {
  if (budget.bytes + bytes > limits.maxUnpackedBytes) {
    return `not unpacked: its ${bytes} bytes would pass limits.maxUnpackedBytes (${limits.maxUnpackedBytes})`;
  }
  if (budget.attachments + count > limits.maxAttachments) {
    return `not unpacked: its ${count} files would pass limits.maxAttachments (${limits.maxAttachments})`;
  }
  return null;
}

function withOutcome(part: MessagePart, container: AttachmentFacts['container']): MessagePart {
  return { ...part, facts: { ...part.facts, container } };
}

function toPart(file: { filename: string | null; contentType: string; content: Buffer }): MessagePart {
  return {
    content: file.content,
    facts: {
      filename: file.filename,
      contentType: file.contentType,
      size: file.content.length,
      sha256: createHash('sha256').update(file.content).digest('hex'),
      inline: false,
      within: [],
      container: null,
    },
  };
}
