// A reading-process worker for the benchmark's side-by-side comparison: hands the document to poppler's
// `pdftotext` on stdin (a new process per document, as the command is used) and returns its text as ours is
// returned. Loaded by ExtractionPool in place of the extraction worker, so both run behind the same pool.
import { spawn } from 'node:child_process';
import type { ThreadTask } from '../../src/documents/document-threads.ts';
import type { ExtractedText } from '../../src/documents/extraction.ts';

/** pdftotext ends each page with a form feed. */
const PAGE_END = '\f';

export default async function readWithPdftotext(task: ThreadTask<unknown>): Promise<ExtractedText> {
  const text = await runPdftotext(new Uint8Array(task.bytes));
  const pages = text.split(PAGE_END).length - 1;
  return {
    status: 'ok',
    format: 'pdf',
    reason: null,
    text: text.replaceAll(PAGE_END, ''),
    pages,
    truncated: false,
    hiddenText: '',
    hiddenReasons: [],
  };
}

function runPdftotext(bytes: Uint8Array): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('pdftotext', ['-enc', 'UTF-8', '-', '-'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    let errors = '';
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (errors += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(Buffer.concat(out).toString('utf8'));
      else reject(new Error(`pdftotext exited with ${code}: ${errors.trim()}`));
    });
    child.stdin.end(bytes);
  });
}
