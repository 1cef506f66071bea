import type { DocumentFormat, ExtractionHint } from '../extraction.ts';
import { looksLikeText } from './decode-text.ts';

const CONTENT_TYPES: Record<string, DocumentFormat> = {
  'application/pdf': 'pdf',
  'application/x-pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/msword': 'doc',
  'application/vnd.ms-word': 'doc',
  'application/vnd.oasis.opendocument.text': 'odt',
  'application/rtf': 'rtf',
  'application/x-rtf': 'rtf',
  'text/rtf': 'rtf',
  'text/richtext': 'rtf',
  'text/html': 'html',
  'application/xhtml+xml': 'html',
  'text/plain': 'text',
  'text/markdown': 'text',
};

const EXTENSIONS: Record<string, DocumentFormat> = {
  pdf: 'pdf',
  docx: 'docx',
  doc: 'doc',
  odt: 'odt',
  rtf: 'rtf',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  txt: 'text',
  text: 'text',
  md: 'text',
  png: 'image',
  jpg: 'image',
  jpeg: 'image',
  gif: 'image',
  tif: 'image',
  tiff: 'image',
  webp: 'image',
  heic: 'image',
  heif: 'image',
  bmp: 'image',
};

/** OLE containers that are not Word documents (by their declared name or type). */
const OTHER_OLE = /\.(xls|ppt|msg|pub|vsd)$|ms-excel|ms-powerpoint|ms-outlook/i;

/**
 * Decides a document's format: from its first bytes when they are decisive, else from the declared content
 * type, else from the file name's extension; text only when the bytes decode as text. `unknown` otherwise.
 */
export function sniffFormat(content: Buffer, hint: ExtractionHint): DocumentFormat {
  const declared = declaredFormat(hint);
  const magic = magicFormat(content, hint);
  if (magic !== null) return magic;
  if (declared === 'image' || declared === 'unknown') {
    return declared === 'unknown' && looksLikeText(content) && !isBinaryType(hint) ? 'text' : declared;
  }
  if (declared === 'text' || declared === 'html' || declared === 'rtf') {
    return looksLikeText(content) ? declared : 'unknown';
  }
  return declared;
}

function magicFormat(content: Buffer, hint: ExtractionHint): DocumentFormat | null {
  const head = content.subarray(0, 1024);
  const ascii = head.toString('latin1');
  if (ascii.includes('%PDF-')) return 'pdf';
  if (head.length >= 8 && head.readUInt32BE(0) === 0xd0cf11e0) {
    return OTHER_OLE.test(`${hint.filename ?? ''} ${hint.contentType}`) ? 'unknown' : 'doc';
  }
  if (ascii.startsWith('PK\u0003\u0004')) return zipFormat(content);
  if (/^\s*\{\\rtf/.test(ascii)) return 'rtf';
  if (isImage(head)) return 'image';
  const start = ascii
    .replace(/^\ufeff|^\xef\xbb\xbf/, '')
    .trimStart()
    .slice(0, 512)
    .toLowerCase();
  if (/^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!doctype html|<html)/.test(start)) return 'html';
  return null;
}

/** A zip is DOCX when it holds word/document.xml, ODT when its stored mimetype says so; else unknown. */
function zipFormat(content: Buffer): DocumentFormat {
  const head = content.subarray(0, 200).toString('latin1');
  if (head.includes('mimetypeapplication/vnd.oasis.opendocument.text')) return 'odt';
  if (content.includes('word/document.xml') || content.includes('[Content_Types].xml')) {
    return content.includes('word/') ? 'docx' : 'unknown';
  }
  return 'unknown';
}

function isImage(head: Buffer): boolean {
  const hex = head.subarray(0, 12).toString('hex');
  const ascii = head.subarray(0, 12).toString('latin1');
  return (
    hex.startsWith('89504e470d0a1a0a') || // PNG
    hex.startsWith('ffd8ff') || // JPEG
    ascii.startsWith('GIF87a') ||
    ascii.startsWith('GIF89a') ||
    hex.startsWith('49492a00') || // TIFF, little-endian
    hex.startsWith('4d4d002a') || // TIFF, big-endian
    (ascii.startsWith('RIFF') && ascii.slice(8, 12) === 'WEBP') ||
    /^ftyp(heic|heix|hevc|heim|heis|mif1|msf1|avif)/.test(ascii.slice(4, 12))
  );
}

function declaredFormat(hint: ExtractionHint): DocumentFormat {
  const type = hint.contentType.toLowerCase().split(';')[0]?.trim() ?? '';
  const byType = CONTENT_TYPES[type] ?? (type.startsWith('image/') ? 'image' : undefined);
  if (byType !== undefined) return byType;
  const extension = /\.([a-z0-9]{1,5})$/i.exec(hint.filename ?? '')?.[1]?.toLowerCase();
  return (extension !== undefined ? EXTENSIONS[extension] : undefined) ?? 'unknown';
}

/** Declared binary types (an octet stream, a zip) are not read as text even when the bytes would decode. */
function isBinaryType(hint: ExtractionHint): boolean {
  return /^application\/(?!octet-stream)/i.test(hint.contentType) && !/xml|json/i.test(hint.contentType);
}
