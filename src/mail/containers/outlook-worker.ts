import MsgReaderModule from '@kenjiuno/msgreader';
import type { OutlookFile, OutlookItem, OutlookTask } from './read-outlook-item.ts';

// The package is CommonJS with its class on `default`, which Node's ESM loader puts one level down.
const MsgReader = (MsgReaderModule as unknown as { default: typeof MsgReaderModule.default }).default;

/**
 * The work of the process that reads one Outlook item (see readOutlookItem): msgreader follows sector chains
 * without looking for cycles and allocates what a directory entry claims, so it runs only there, under a memory
 * bound and a time limit that end only that process.
 */
export default function readItemInProcess(task: OutlookTask): OutlookItem {
  const reader = new MsgReader(new DataView(task.bytes.buffer, task.bytes.byteOffset, task.bytes.byteLength));
  const data = reader.getFileData();
  if (data.error !== undefined) throw new Error(data.error);
  const files: OutlookFile[] = [];
  let bytes = 0;
  const skipped: string[] = [];
  for (const attachment of data.attachments ?? []) {
    const declared = attachment.contentLength ?? 0;
    // Sizes are checked before anything is read: msgreader allocates what the item declares.
    if (bytes + declared > task.maxBytes) {
      skipped.push(attachment.fileName ?? attachment.name ?? 'an attachment');
      continue;
    }
    const { content } = reader.getAttachment(attachment);
    const fileName =
      attachment.innerMsgContent === true
        ? `${attachment.name ?? attachment.innerMsgContentFields?.subject ?? 'attached item'}.msg`
        : (attachment.fileName ?? '');
    if (bytes + content.length > task.maxBytes) {
      skipped.push(fileName);
      continue;
    }
    bytes += content.length;
    files.push({
      filename: fileName === '' ? null : fileName,
      contentType:
        attachment.innerMsgContent === true
          ? 'application/vnd.ms-outlook'
          : (attachment.attachMimeTag ?? null),
      content,
    });
  }
  return { files, skipped };
}
