import { describe, expect, it } from 'vitest';
import { describeFit } from '../../../../src/stages/digests/digest-view.ts';
import { digestProfile } from '../../../../src/stages/digests/digest-vacancy.ts';
import { fitScore } from '../../../../src/stages/digests/fit-score.ts';
import { documentProfile, documentReading } from '../../../support/profiles.ts';
import { candidateRecord, documentRecord, messageRecord } from '../../../support/records.ts';

const WEIGHTS = { degree: 3, publications: 2, keywords: 1 };
const MESSAGE = messageRecord('m1', '2030-01-01T10:00:00.000Z');

const fitText = (record: ReturnType<typeof candidateRecord>): string =>
  describeFit(fitScore(digestProfile(record), WEIGHTS));

describe('digestProfile', () => {
  it('shows "no profile yet" for a candidate whose only document is an unreadable scan', () => {
    const scan = {
      ...documentRecord('cv', 'm1'),
      reading: documentReading(null, { status: 'scan', reason: 'no text layer', characters: 0 }),
    };
    const record = candidateRecord([{ ...MESSAGE, bodyProfile: documentProfile() }], [scan], ['transcript']);
    expect(digestProfile(record)).toBeUndefined();
    expect(fitText(record)).toBe('no profile yet');
  });

  it('scores a read CV, even one that states nothing the score counts', () => {
    const cv = { ...documentRecord('cv', 'm1'), reading: documentReading(documentProfile()) };
    const record = candidateRecord([MESSAGE], [cv], []);
    expect(fitText(record)).toBe('0 (degree 0 × 3 = 0, publications 0 × 2 = 0, keywords 0 × 1 = 0)');
  });

  it('scores a mail body that names a vacancy keyword, without any document read', () => {
    const body = documentProfile({ keywords: ['robustness'] });
    const record = candidateRecord([{ ...MESSAGE, bodyProfile: body }], [], ['cv']);
    expect(fitText(record)).toBe('0.1 (degree 0 × 3 = 0, publications 0 × 2 = 0, keywords 0.1 × 1 = 0.1)');
  });
});
