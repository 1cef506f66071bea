import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OcrConfig } from '../../../../src/config/ocr-schema.ts';
import { DocumentPool } from '../../../../src/documents/document-pool.ts';
import { MessageClock } from '../../../../src/documents/message-clock.ts';
import { TEST_LIMITS } from '../../../support/documents/sample-specs.ts';
import { cvPdf, OCR_INSTALLED, rasterise, TEST_OCR } from '../../../support/documents/scans.ts';

const OCR: OcrConfig = TEST_OCR;

describe('MessageClock.extend', () => {
  it('adds time to a running clock: it aborts only when the added time is spent too', async () => {
    const clock = new MessageClock(0.2, 'spent');
    clock.start();
    await sleep(100);
    clock.extend(0.3);
    await sleep(250);
    expect(clock.signal.aborted).toBe(false);
    await sleep(250);
    expect(clock.signal.aborted).toBe(true);
    clock.dispose();
  });
});

describe.skipIf(!OCR_INSTALLED)('OCR time is added once OCR starts (real reading processes)', () => {
  let pool: DocumentPool;
  let scan: Buffer;
  beforeAll(async () => {
    // One second per document and per message: far too little for OCR, which takes its own 60 s once it starts.
    pool = new DocumentPool({ ...TEST_LIMITS, threads: 1, timeoutSeconds: 1, ocr: OCR });
    scan = rasterise(await cvPdf(), 'jpeg', 150);
  });
  afterAll(() => pool.close());

  it('ocr-extends-time: a scan that takes longer than the document and message time is still read', async () => {
    const clock = new MessageClock(1, "over the message's budget (1 s)");
    const started = Date.now();
    const read = await pool.read(scan, {
      filename: 'IMG_0932.jpg',
      contentType: 'image/jpeg',
      keywords: [],
      applicantName: 'Eleanor Hughes',
      clock,
    });
    clock.dispose();
    // Slower than the limits it would have had without OCR, so the extension is what let it finish.
    expect(Date.now() - started).toBeGreaterThan(1000);
    expect(read.reading.extraction).toMatchObject({ status: 'ok', textSource: 'ocr' });
    expect(read.kind).toBe('cv');
  });
});
