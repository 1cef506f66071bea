/**
 * Fills the real-world corpus cache (test/support/corpus-dir.ts) from the manifests in this folder: each file is
 * taken from a local mirror of its repository (`--mirror DIR`, holding bare clones or work trees as DIR/owner+name[/repo]) or
 * else downloaded from GitHub at its recorded commit, and kept only when its SHA-256 is the manifest's.
 *
 *   npm run corpus:collect [-- --mirror /path/to/mirrors] [--area mail]
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { corpusDir } from '../support/corpus-dir.ts';
import { readManifest, type CorpusEntry } from './corpus-manifest.ts';

const run = promisify(execFile);
const HERE = dirname(fileURLToPath(import.meta.url));
const MAX_FILE_BYTES = 64 * 1024 * 1024;
const PARALLEL = 8;

type Outcome = 'cached' | 'collected' | { failed: string };

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function mirrorOf(mirror: string, repo: string): string | null {
  const folder = join(mirror, repo.replace('/', '+'));
  for (const candidate of [join(folder, 'repo'), join(folder, 'repo', '.git'), folder, `${folder}.git`]) {
    if (existsSync(join(candidate, 'HEAD'))) return candidate;
  }
  return null;
}

async function fromMirror(gitDir: string, entry: CorpusEntry): Promise<Buffer> {
  const { stdout } = await run(
    'git',
    ['--git-dir', gitDir, 'cat-file', 'blob', `${entry.commit}:${entry.path}`],
    {
      encoding: 'buffer',
      maxBuffer: MAX_FILE_BYTES,
    },
  );
  return stdout;
}

async function fromGitHub(entry: CorpusEntry): Promise<Buffer> {
  const path = entry.path.split('/').map(encodeURIComponent).join('/');
  const response = await fetch(`https://raw.githubusercontent.com/${entry.repo}/${entry.commit}/${path}`);
  if (!response.ok) throw new Error(`GitHub answered ${response.status}`);
  return Buffer.from(await response.arrayBuffer());
}

async function collectOne(area: string, entry: CorpusEntry, mirror: string | undefined): Promise<Outcome> {
  const target = join(corpusDir(), area, entry.file);
  if (existsSync(target) && sha256(await readFile(target)) === entry.sha256) return 'cached';
  try {
    const gitDir = mirror === undefined ? null : mirrorOf(mirror, entry.repo);
    const bytes = gitDir === null ? await fromGitHub(entry) : await fromMirror(gitDir, entry);
    const got = sha256(bytes);
    if (got !== entry.sha256) return { failed: `SHA-256 ${got.slice(0, 12)}… is not the manifest's` };
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, bytes);
    return 'collected';
  } catch (error) {
    return { failed: describe(error) };
  }
}

/** The first line of an error and of its cause ("fetch failed: getaddrinfo ENOTFOUND …"). */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const first = error.message.split('\n')[0] ?? 'failed';
  return error.cause === undefined ? first : `${first}: ${describe(error.cause)}`;
}

async function collectArea(
  area: string,
  entries: CorpusEntry[],
  mirror: string | undefined,
): Promise<number> {
  const counts = { cached: 0, collected: 0, failed: 0 };
  for (let start = 0; start < entries.length; start += PARALLEL) {
    const batch = entries.slice(start, start + PARALLEL);
    const outcomes = await Promise.all(batch.map((entry) => collectOne(area, entry, mirror)));
    outcomes.forEach((outcome, index) => {
      if (typeof outcome === 'string') counts[outcome] += 1;
      else {
        counts.failed += 1;
        console.error(`  ${area}/${batch[index]?.file ?? '?'}: ${outcome.failed}`);
      }
    });
  }
  console.log(
    `${area}: ${counts.collected} collected, ${counts.cached} already cached, ${counts.failed} failed`,
  );
  return counts.failed;
}

const { values } = parseArgs({ options: { mirror: { type: 'string' }, area: { type: 'string' } } });
const manifests = (await readdir(HERE)).filter((name) => name.endsWith('.json')).sort();
let failed = 0;
console.log(`corpus cache: ${corpusDir()}`);
for (const name of manifests) {
  const area = basename(name, '.json');
  if (values.area !== undefined && values.area !== area) continue;
  failed += await collectArea(area, readManifest(join(HERE, name)), values.mirror);
}
process.exitCode = failed === 0 ? 0 : 1;
