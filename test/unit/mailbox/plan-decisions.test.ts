import { describe, expect, it } from 'vitest';
import { DEFAULT_STATUSES } from '../../../src/config/decision-schema.ts';
import { decisionFolders, keywordStatus } from '../../../src/mailbox/decision-folders.ts';
import { decisionChanges, needsScan, type FolderView } from '../../../src/mailbox/plan-decisions.ts';

const SHORTLIST = 'Applications/robust-ai/Shortlist';
const DECLINED = 'Applications/robust-ai/Declined';
const VACANCY = 'Applications/robust-ai';

function view(
  path: string,
  via: 'folder' | 'keyword',
  entries: Record<string, [string, string]>,
): FolderView {
  return {
    path,
    vacancy: 'robust-ai',
    via,
    uidValidity: '7',
    uidNext: 10,
    messages: Object.keys(entries).length,
    highestModseq: null,
    entries: Object.fromEntries(
      Object.entries(entries).map(([uid, [messageId, status]]) => [uid, { messageId, status }]),
    ),
  };
}

describe('decisionFolders', () => {
  it("names each status subfolder and the vacancy's folder (for keywords) with the server's delimiter", () => {
    const folders = decisionFolders(
      'Applications',
      { prefix: '', delimiter: '/' },
      ['robust-ai'],
      DEFAULT_STATUSES,
    );
    expect(folders).toEqual([
      { kind: 'status', vacancy: 'robust-ai', path: SHORTLIST, status: 'shortlisted' },
      { kind: 'status', vacancy: 'robust-ai', path: 'Applications/robust-ai/Interview', status: 'interview' },
      { kind: 'status', vacancy: 'robust-ai', path: DECLINED, status: 'declined' },
      { kind: 'keywords', vacancy: 'robust-ai', path: VACANCY },
    ]);
  });

  it('puts them in the personal namespace of a server with "." folders (INBOX.Applications.robust-ai.Shortlist)', () => {
    const folders = decisionFolders(
      'Applications',
      { prefix: 'INBOX.', delimiter: '.' },
      ['robust-ai'],
      [{ id: 'shortlisted', folder: 'Shortlist', reply: false }],
    );
    expect(folders).toEqual([
      {
        kind: 'status',
        vacancy: 'robust-ai',
        path: 'INBOX.Applications.robust-ai.Shortlist',
        status: 'shortlisted',
      },
    ]);
  });
});

describe('keywordStatus', () => {
  it('finds the first configured status whose keyword a message carries, in any case', () => {
    expect(keywordStatus(['\\Seen', 'declined'], DEFAULT_STATUSES)).toBe('declined');
    expect(keywordStatus(['Interview', 'Shortlist'], DEFAULT_STATUSES)).toBe('shortlisted');
    expect(keywordStatus(['\\Seen', '$Junk'], DEFAULT_STATUSES)).toBeNull();
  });
});

describe('needsScan', () => {
  const status = { kind: 'status', vacancy: 'robust-ai', path: SHORTLIST, status: 'shortlisted' } as const;
  const keywords = { kind: 'keywords', vacancy: 'robust-ai', path: VACANCY } as const;
  const counters = { uidValidity: '7', uidNext: 10, messages: 2, highestModseq: '40' };

  it('reads a status folder seen for the first time only when it holds messages', () => {
    expect(needsScan(status, undefined, counters)).toBe(true);
    expect(needsScan(status, undefined, { ...counters, messages: 0 })).toBe(false);
  });

  it('reads it again when a message came in (UIDNEXT) or left (MESSAGES), or the folder was recreated', () => {
    expect(needsScan(status, counters, counters)).toBe(false);
    expect(needsScan(status, counters, { ...counters, uidNext: 11, messages: 3 })).toBe(true);
    expect(needsScan(status, counters, { ...counters, messages: 1 })).toBe(true);
    expect(needsScan(status, counters, { ...counters, uidValidity: '8' })).toBe(true);
  });

  it('never reads a folder that does not exist', () => {
    expect(needsScan(status, counters, null)).toBe(false);
  });

  it("reads a vacancy's folder for keywords when its HIGHESTMODSEQ moved, never without CONDSTORE", () => {
    expect(needsScan(keywords, counters, counters)).toBe(false);
    expect(needsScan(keywords, counters, { ...counters, highestModseq: '41' })).toBe(true);
    expect(needsScan(keywords, undefined, counters)).toBe(true);
    expect(needsScan(keywords, undefined, { ...counters, highestModseq: null })).toBe(false);
  });
});

describe('decisionChanges (latest move wins)', () => {
  it('gives a message that came into a status folder its status', () => {
    const changes = decisionChanges([], [view(SHORTLIST, 'folder', { 3: ['<a@x>', 'shortlisted'] })]);
    expect(changes).toEqual([
      { vacancy: 'robust-ai', messageId: '<a@x>', status: 'shortlisted', via: 'folder', folder: SHORTLIST },
    ]);
  });

  it('reports nothing when nothing moved', () => {
    const shortlist = view(SHORTLIST, 'folder', { 3: ['<a@x>', 'shortlisted'] });
    expect(decisionChanges([shortlist], [shortlist])).toEqual([]);
  });

  it('gives the new status to a message moved from Shortlist to Declined', () => {
    const changes = decisionChanges(
      [view(SHORTLIST, 'folder', { 3: ['<a@x>', 'shortlisted'] }), view(DECLINED, 'folder', {})],
      [view(SHORTLIST, 'folder', {}), view(DECLINED, 'folder', { 1: ['<a@x>', 'declined'] })],
    );
    expect(changes).toEqual([
      { vacancy: 'robust-ai', messageId: '<a@x>', status: 'declined', via: 'folder', folder: DECLINED },
    ]);
  });

  it('takes the status away from a message moved out of every status folder', () => {
    const changes = decisionChanges(
      [view(DECLINED, 'folder', { 1: ['<a@x>', 'declined'] })],
      [view(DECLINED, 'folder', {})],
    );
    expect(changes).toEqual([
      { vacancy: 'robust-ai', messageId: '<a@x>', status: null, via: 'folder', folder: DECLINED },
    ]);
  });

  it('keeps the other status of a message that left one of two status folders (Gmail labels)', () => {
    const changes = decisionChanges(
      [
        view(SHORTLIST, 'folder', { 3: ['<a@x>', 'shortlisted'] }),
        view(DECLINED, 'folder', { 1: ['<a@x>', 'declined'] }),
      ],
      [view(SHORTLIST, 'folder', { 3: ['<a@x>', 'shortlisted'] }), view(DECLINED, 'folder', {})],
    );
    expect(changes).toEqual([
      { vacancy: 'robust-ai', messageId: '<a@x>', status: 'shortlisted', via: 'folder', folder: SHORTLIST },
    ]);
  });

  it('follows a keyword set, changed and cleared on a filed message', () => {
    const none = view(VACANCY, 'keyword', {});
    const interview = view(VACANCY, 'keyword', { 5: ['<b@x>', 'interview'] });
    const declined = view(VACANCY, 'keyword', { 5: ['<b@x>', 'declined'] });
    expect(decisionChanges([none], [interview])).toEqual([
      { vacancy: 'robust-ai', messageId: '<b@x>', status: 'interview', via: 'keyword', folder: VACANCY },
    ]);
    expect(decisionChanges([interview], [declined])[0]?.status).toBe('declined');
    expect(decisionChanges([declined], [none])).toEqual([
      { vacancy: 'robust-ai', messageId: '<b@x>', status: null, via: 'keyword', folder: VACANCY },
    ]);
  });
});
