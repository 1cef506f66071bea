import { describe, expect, it } from 'vitest';
import { formatTable } from '../../../src/cli/format-table.ts';

describe('formatTable', () => {
  it('plain: columns as wide as their widest cell, two spaces apart, no trailing blanks', () => {
    expect(
      formatTable([
        ['TO', 'KIND', 'SUBJECT'],
        ['ada@example.org', 'acknowledgement', 'Re: Application'],
        ['bo@example.net', 'complete', ''],
      ]),
    ).toEqual([
      'TO               KIND             SUBJECT',
      'ada@example.org  acknowledgement  Re: Application',
      'bo@example.net   complete',
    ]);
  });

  it('plain: every line indented, rows of different lengths padded as empty cells', () => {
    expect(formatTable([['INBOX', '4 messages'], ['  Applications']], { indent: '  ' })).toEqual([
      '  INBOX           4 messages',
      '    Applications',
    ]);
  });

  it('cjk-width: a wide character takes two terminal columns, so the next column lines up', () => {
    expect(
      formatTable([
        ['李明', 'x'],
        ['Anna', 'y'],
        ['ＡＢ', 'z'],
      ]),
    ).toEqual(['李明  x', 'Anna  y', 'ＡＢ  z']);
  });

  it('right-aligned columns and a minimum width', () => {
    expect(
      formatTable(
        [
          ['n', 'kind'],
          ['7', 'cv'],
          ['12', 'transcript'],
        ],
        { rightAligned: [true], minWidth: 3 },
      ),
    ).toEqual(['  n  kind', '  7  cv', ' 12  transcript']);
  });

  it('markdown: the header ruled off, a colon over right-aligned columns, every cell padded', () => {
    expect(
      formatTable(
        [
          ['Reader', 'ms'],
          ['pdf', '1,204'],
          ['docx', '88'],
        ],
        { markdown: true, rightAligned: [false, true], minWidth: 3 },
      ),
    ).toEqual(['| Reader |    ms |', '|--------|------:|', '| pdf    | 1,204 |', '| docx   |    88 |']);
  });
});
