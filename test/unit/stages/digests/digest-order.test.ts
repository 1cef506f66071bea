import { describe, expect, it } from 'vitest';
import { composeDigest } from '../../../../src/stages/digests/compose-digest.ts';
import { orderChanges } from '../../../../src/stages/digests/digest-order.ts';
import { candidate, changed, digestInput, vacancy } from './digest-fixtures.ts';

const WEIGHTS = { degree: 3, publications: 2, keywords: 1 };
const ids = (entries: Array<{ candidate: { id: string } }>) => entries.map((entry) => entry.candidate.id);

describe('orderChanges', () => {
  it('puts new candidates in one group and updated ones in the other', () => {
    const order = orderChanges(
      [changed(candidate('u1'), false), changed(candidate('n1'), true), changed(candidate('u2'), false)],
      WEIGHTS,
    );
    expect(ids(order.new)).toEqual(['n1']);
    expect(ids(order.updated)).toEqual(['u1', 'u2']);
  });

  it('puts complete candidates before incomplete ones, whatever their score', () => {
    const order = orderChanges(
      [
        changed(candidate('incomplete', { missing: ['transcript'] }), true, { degreeResult: 1 }),
        changed(candidate('complete'), true),
      ],
      WEIGHTS,
    );
    expect(ids(order.new)).toEqual(['complete', 'incomplete']);
  });

  it('orders by fit score, highest first, within complete and incomplete', () => {
    const order = orderChanges(
      [
        changed(candidate('low'), true, { degreeResult: 0.2 }),
        changed(candidate('none'), true),
        changed(candidate('high'), true, { degreeResult: 0.9, publications: 2 }),
        changed(candidate('mid'), true, { degreeResult: 0.6 }),
      ],
      WEIGHTS,
    );
    expect(ids(order.new)).toEqual(['high', 'mid', 'low', 'none']);
  });

  it('breaks ties by first seen, earliest first (as instants, not text)', () => {
    const order = orderChanges(
      [
        changed(candidate('later', { firstSeen: '2026-11-23T10:00:00Z' }), false),
        changed(candidate('earlier', { firstSeen: '2026-11-23T10:30:00+02:00' }), false),
        changed(candidate('middle', { firstSeen: '2026-11-23T09:00:00.000Z' }), false),
      ],
      WEIGHTS,
    );
    expect(ids(order.updated)).toEqual(['earlier', 'middle', 'later']);
  });
});

describe('composeDigest order', () => {
  it('shows new before updated, complete before incomplete, in both text and HTML', () => {
    const digest = composeDigest(
      digestInput([
        vacancy('robust-ai', [
          changed(candidate('updated-complete', { name: 'Uma Updated' }), false),
          changed(candidate('new-incomplete', { name: 'Ian Incomplete', missing: ['transcript'] }), true),
          changed(candidate('new-complete', { name: 'Cara Complete' }), true),
        ]),
      ]),
    );
    const names = ['Cara Complete', 'Ian Incomplete', 'Uma Updated'];
    for (const body of [digest?.text ?? '', digest?.html ?? '']) {
      // The cards, after the ranked table (which orders all candidates by rank, not by change).
      const cards = body.slice(body.search(/New applications/i));
      const positions = names.map((name) => cards.indexOf(name));
      expect(positions.every((position) => position >= 0)).toBe(true);
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
    }
  });
});
