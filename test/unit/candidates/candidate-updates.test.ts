import { describe, expect, it } from 'vitest';
import { candidateRecordSchema } from '../../../src/candidates/candidate-record.ts';
import { withFiling } from '../../../src/candidates/candidate-updates.ts';
import { candidateRecord, messageRecord } from '../../support/records.ts';

const FOLDER = 'Applications.robust-ai';

function twoMessages() {
  return candidateRecord(
    [
      messageRecord('<m1@x>', '2026-01-01T00:00:00.000Z'),
      messageRecord('<m2@x>', '2026-01-02T00:00:00.000Z'),
    ],
    [],
    [],
  );
}

describe('withFiling', () => {
  it('records the folder and the UID filing reported there, on that message only', () => {
    const filed = withFiling(twoMessages(), '<m2@x>', FOLDER, { uidValidity: '77', uid: 12 });
    expect(filed.messages.map((message) => [message.filedTo, message.filedUid])).toEqual([
      [null, undefined],
      [FOLDER, { uidValidity: '77', uid: 12 }],
    ]);
    expect(filed.acknowledges).toBe('<m2@x>');
  });

  it('keeps the UID an earlier filing recorded when a retried one finds the message gone', () => {
    const first = withFiling(twoMessages(), '<m1@x>', FOLDER, { uidValidity: '77', uid: 3 });
    const retried = withFiling(first, '<m1@x>', FOLDER, null);
    expect(retried.messages[0]?.filedUid).toEqual({ uidValidity: '77', uid: 3 });
  });

  it('drops a UID of another folder when the message is recorded in a new one without its UID', () => {
    const first = withFiling(twoMessages(), '<m1@x>', FOLDER, { uidValidity: '77', uid: 3 });
    const moved = withFiling(first, '<m1@x>', 'Applications.other', null);
    expect(moved.messages[0]).toMatchObject({ filedTo: 'Applications.other' });
    expect(moved.messages[0]?.filedUid).toBeUndefined();
  });

  it('old-record-without-filed-uid: a record saved before UIDs were kept still loads, and round-trips', () => {
    const old = JSON.parse(JSON.stringify(withFiling(twoMessages(), '<m1@x>', FOLDER))) as unknown;
    const loaded = candidateRecordSchema.parse(old);
    expect(loaded.messages[0]).toMatchObject({ filedTo: FOLDER });
    expect(loaded.messages[0]?.filedUid).toBeUndefined();
    expect(JSON.stringify(loaded.messages[0])).not.toContain('filedUid');
  });
});
