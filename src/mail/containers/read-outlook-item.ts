import { siblingModule } from '../../documents/document-threads.ts';
import { ReadingProcess, type ReadingOutcome } from '../../documents/reading-process.ts';

/** One Outlook item's job: its bytes, and how many bytes of attachments it may give at most. */
export interface OutlookTask {
  bytes: Uint8Array;
  maxBytes: number;
}

/** One file attached to an Outlook item (an embedded item comes back as a `.msg` of its own). */
export interface OutlookFile {
  filename: string | null;
  contentType: string | null;
  content: Uint8Array;
}

/** What an Outlook item holds: its files, and the names of those left out for the byte limit. */
export interface OutlookItem {
  files: OutlookFile[];
  skipped: string[];
}

/** The limits reading one Outlook item runs under. */
export interface OutlookLimits {
  maxBytes: number;
  seconds: number;
  memoryMb: number;
}

/**
 * Reads an Outlook item (`.msg`) with msgreader in a reading process of its own (see reading-child), killed when
 * it runs over `seconds` or `memoryMb` (typed arrays included): a hostile item can make msgreader loop without end
 * or allocate what it claims. Rejects with the reason when the item cannot be read.
 */
export async function readOutlookItem(bytes: Buffer, limits: OutlookLimits): Promise<OutlookItem> {
  const reader = new ReadingProcess({
    entry: siblingModule(import.meta.url, '../../documents/reading-child'),
    workerFile: siblingModule(import.meta.url, 'outlook-worker'),
    memoryMb: limits.memoryMb,
  });
  try {
    const task: OutlookTask = { bytes, maxBytes: limits.maxBytes };
    const outcome = await reader.run(task, limits.seconds * 1000);
    if (outcome.status === 'done') return outcome.result as OutlookItem;
    throw new Error(describe(outcome, limits));
  } finally {
    reader.kill('closed');
    await reader.closed();
  }
}

function describe(outcome: Exclude<ReadingOutcome, { status: 'done' }>, limits: OutlookLimits): string {
  switch (outcome.status) {
    case 'timeout':
      return `reading took over ${limits.seconds} s and was stopped`;
    case 'out-of-memory':
      return `reading ran out of memory (limit ${limits.memoryMb} MB)`;
    case 'crashed':
      return outcome.detail;
    default:
      return 'the reader was closed';
  }
}
