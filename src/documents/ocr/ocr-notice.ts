/** Told when a document's OCR starts, with the seconds it may take (`extraction.ocr.timeoutSeconds`). */
export type OcrStartListener = (seconds: number) => void;

let listener: OcrStartListener = () => {};

/**
 * Sets who is told when OCR of a document starts: the reading process tells its parent, which then adds the OCR
 * time to the document's and its message's time (see reading-child). In-process reading tells no one.
 */
export function onOcrStart(next: OcrStartListener): void {
  listener = next;
}

/** Says that OCR of the document being read starts and may take `seconds`. */
export function noticeOcrStart(seconds: number): void {
  listener(seconds);
}
