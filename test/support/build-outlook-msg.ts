// An Outlook item (.msg) writer for tests, after [MS-OXMSG], on SheetJS's compound-file writer: a note with a
// subject, a plain body and attached files (an attached item is written as an embedded message).
import CFB from 'cfb';

/** A file attached to the item, or an item attached to it. */
export type OutlookAttachmentSpec =
  { filename: string; content: Buffer; mimeType?: string } | { item: OutlookItemSpec; filename: string };

/** An Outlook item. */
export interface OutlookItemSpec {
  subject: string;
  body: string;
  attachments: OutlookAttachmentSpec[];
}

const PT_LONG = 0x0003;
const PT_UNICODE = 0x001f;
const PT_BINARY = 0x0102;
const PT_OBJECT = 0x000d;

/** Builds the compound file of an Outlook item. */
export function buildOutlookMsg(spec: OutlookItemSpec): Buffer {
  const container = CFB.utils.cfb_new();
  addItem(container, '', spec, false);
  return Buffer.from(CFB.write(container, { type: 'buffer' }) as Uint8Array);
}

function addItem(container: CFB.CFB$Container, at: string, spec: OutlookItemSpec, embedded: boolean): void {
  const streams: [number, number, Buffer][] = [
    [0x001a, PT_UNICODE, unicode('IPM.Note')],
    [0x0037, PT_UNICODE, unicode(spec.subject)],
    [0x1000, PT_UNICODE, unicode(spec.body)],
  ];
  for (const [id, type, value] of streams) add(container, `${at}/${streamName(id, type)}`, value);
  const header = Buffer.alloc(embedded ? 24 : 32);
  // Next attachment id, then the attachment count.
  header.writeUInt32LE(spec.attachments.length, 12);
  header.writeUInt32LE(spec.attachments.length, 20);
  add(container, `${at}/__properties_version1.0`, Buffer.concat([header, ...streams.map(variableEntry)]));
  spec.attachments.forEach((attachment, index) => {
    const folder = `${at}/__attach_version1.0_#${index.toString(16).toUpperCase().padStart(8, '0')}`;
    addAttachment(container, folder, attachment);
  });
}

function addAttachment(
  container: CFB.CFB$Container,
  folder: string,
  attachment: OutlookAttachmentSpec,
): void {
  const streams: [number, number, Buffer][] = [[0x3707, PT_UNICODE, unicode(attachment.filename)]];
  if ('item' in attachment) {
    // Outlook names an attached item by its display name (PR_DISPLAY_NAME).
    streams.push([0x3001, PT_UNICODE, unicode(attachment.filename.replace(/\.msg$/i, ''))]);
    addItem(container, `${folder}/${streamName(0x3701, PT_OBJECT)}`, attachment.item, true);
  } else {
    streams.push([0x3701, PT_BINARY, attachment.content]);
    if (attachment.mimeType !== undefined) streams.push([0x370e, PT_UNICODE, unicode(attachment.mimeType)]);
  }
  for (const [id, type, value] of streams) add(container, `${folder}/${streamName(id, type)}`, value);
  const method = Buffer.alloc(16);
  method.writeUInt32LE((0x3705 << 16) | PT_LONG, 0);
  method.writeUInt32LE('item' in attachment ? 5 : 1, 8);
  add(
    container,
    `${folder}/__properties_version1.0`,
    Buffer.concat([Buffer.alloc(8), method, ...streams.map(variableEntry)]),
  );
}

function add(container: CFB.CFB$Container, path: string, content: Buffer): void {
  CFB.utils.cfb_add(container, path, content);
}

function variableEntry([id, type, value]: [number, number, Buffer]): Buffer {
  const entry = Buffer.alloc(16);
  entry.writeUInt32LE(((id << 16) | type) >>> 0, 0);
  entry.writeUInt32LE(0x6, 4);
  entry.writeUInt32LE(type === PT_UNICODE ? value.length + 2 : value.length, 8);
  return entry;
}

function streamName(id: number, type: number): string {
  const hex = (value: number) => value.toString(16).toUpperCase().padStart(4, '0');
  return `__substg1.0_${hex(id)}${hex(type)}`;
}

function unicode(text: string): Buffer {
  return Buffer.from(text, 'utf16le');
}
