import { describe, expect, it } from 'vitest';
import { sentLine } from '../../../src/cli/check-sent-folders.ts';

describe('sentLine', () => {
  it('counts whom the mailbox wrote to, or warns that its untagged mail waits', () => {
    expect(sentLine('chen', true, 2)).toEqual({
      ok: true,
      name: 'colleagues chen',
      detail: 'its Sent folder was read: 2 addresses it wrote to',
    });
    expect(sentLine('chen', false, 0)).toEqual({
      ok: true,
      warning: true,
      name: 'colleagues chen',
      detail: 'its Sent folder has not been read yet: untagged mail waits until the daemon has read it',
    });
  });
});
