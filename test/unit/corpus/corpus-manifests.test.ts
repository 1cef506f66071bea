import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readManifest } from '../../corpus/corpus-manifest.ts';

const FOLDER = fileURLToPath(new URL('../../corpus/', import.meta.url));
const MANIFESTS = readdirSync(FOLDER).filter((name) => name.endsWith('.json'));

describe('the real-world corpus manifests (test/corpus/*.json)', () => {
  it('exist', () => {
    expect(MANIFESTS.length).toBeGreaterThan(0);
  });

  it.each(MANIFESTS)(
    '%s: every file has its source, licence, checksum and label, and both parts are used',
    (name) => {
      const entries = readManifest(join(FOLDER, name));
      expect(entries.length).toBeGreaterThan(0);
      const splits = new Set(entries.map((entry) => entry.split));
      if (basename(name, '.json') !== 'containers') expect([...splits].sort()).toEqual(['dev', 'held-out']);
      const checksums = entries.map((entry) => entry.sha256);
      expect(new Set(checksums).size, 'a file listed twice under two names').toBe(checksums.length);
    },
  );
});
