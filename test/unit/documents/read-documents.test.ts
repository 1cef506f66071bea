import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { MessageClock } from '../../../src/documents/message-clock.ts';
import { planReading } from '../../../src/documents/read-documents.ts';

const BUDGET = { messageSeconds: 60, messageDocuments: 20, messageBytes: 1000 };

describe('planReading (a message budget of documents and bytes)', () => {
  it('reads documents in attachment order until the budget of documents is spent', () => {
    expect(planReading([10, null, 10, 10], { ...BUDGET, messageDocuments: 2 })).toEqual([
      null,
      null,
      null,
      "over the message's budget (2 documents)",
    ]);
  });

  it('leaves a document unread that would go over the bytes, but reads a smaller one after it', () => {
    expect(planReading([600, 500, 400], BUDGET)).toEqual([
      null,
      "over the message's budget (1000 bytes of attachments)",
      null,
    ]);
  });
});

describe('MessageClock', () => {
  it('runs only while a document is being read, and aborts with its reason when spent', async () => {
    const clock = new MessageClock(0.3, 'spent');
    clock.start();
    await sleep(150);
    clock.stop();
    // Waiting for a reading process is not counted.
    await sleep(400);
    expect(clock.signal.aborted).toBe(false);
    clock.start();
    clock.start(); // two documents at once count once
    await sleep(250);
    expect(clock.signal.aborted).toBe(true);
    expect(clock.signal.reason).toBe('spent');
    clock.dispose();
  });
});
