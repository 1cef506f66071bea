import { fromBufferPromise, type Entry, type ZipFile } from 'yauzl';

/** Entries over this size must not claim to inflate more than `MAX_RATIO` times. */
const RATIO_CHECK_BYTES = 1024 * 1024;
const MAX_RATIO = 200;
const MAX_ENTRIES = 10_000;

/** The zip would unpack to more than allowed: a decompression bomb (or just too big). Status `too-large`. */
export class ZipLimitError extends Error {
  override name = 'ZipLimitError';
}

/**
 * Reads the entries named by `wanted` from a zip in memory, guarding against decompression bombs: the sum of
 * the declared sizes must stay under `maxUnzippedBytes`, no large entry may claim an extreme compression
 * ratio, and inflating stops as soon as an entry gives more than it declared or the total passes the budget.
 * Throws `ZipLimitError` for those; any other error means a damaged zip.
 */
export async function readZipEntries(
  content: Buffer,
  wanted: (name: string) => boolean,
  maxUnzippedBytes: number,
): Promise<Map<string, Buffer>> {
  const zip = await fromBufferPromise(content, {
    lazyEntries: true,
    validateEntrySizes: true,
    strictFileNames: false,
  });
  try {
    const entries = await listEntries(zip, maxUnzippedBytes);
    const budget = { left: maxUnzippedBytes };
    const files = new Map<string, Buffer>();
    for (const entry of entries) {
      if (wanted(entry.fileName)) files.set(entry.fileName, await readEntry(zip, entry, budget));
    }
    return files;
  } finally {
    zip.close();
  }
}

async function listEntries(zip: ZipFile, maxUnzippedBytes: number): Promise<Entry[]> {
  const entries: Entry[] = [];
  let declared = 0;
  for await (const entry of zip.eachEntry()) {
    entries.push(entry);
    declared += entry.uncompressedSize;
    if (entries.length > MAX_ENTRIES) throw new ZipLimitError(`zip has more than ${MAX_ENTRIES} entries`);
    if (declared > maxUnzippedBytes) {
      throw new ZipLimitError(`decompression bomb: unpacks to more than ${maxUnzippedBytes} bytes`);
    }
    const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
    if (entry.uncompressedSize > RATIO_CHECK_BYTES && ratio > MAX_RATIO) {
      throw new ZipLimitError(
        `decompression bomb: ${entry.fileName} claims a ${Math.round(ratio)}:1 compression ratio`,
      );
    }
  }
  return entries;
}

async function readEntry(zip: ZipFile, entry: Entry, budget: { left: number }): Promise<Buffer> {
  const stream = await zip.openReadStreamPromise(entry);
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      size += chunk.length;
      budget.left -= chunk.length;
      if (size > entry.uncompressedSize || budget.left < 0) {
        throw new ZipLimitError(`decompression bomb: ${entry.fileName} inflates beyond its declared size`);
      }
      chunks.push(chunk);
    }
  } catch (error) {
    if (error instanceof Error && /too many bytes in the stream/.test(error.message)) {
      throw new ZipLimitError(`decompression bomb: ${entry.fileName} inflates beyond its declared size`);
    }
    throw error;
  } finally {
    stream.destroy();
  }
  return Buffer.concat(chunks);
}
