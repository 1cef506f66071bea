import { spawn } from 'node:child_process';

const MEGABYTE = 1024 * 1024;
const STDERR_TAIL_CHARACTERS = 2000;

/** How one run of an outside program went: its output, or why there is none. */
export type BoundedRun =
  { status: 'done'; stdout: Buffer } | { status: 'timeout' } | { status: 'failed'; detail: string };

/** The bounds one run of an outside program is held to. */
export interface RunBounds {
  /** Bytes written to its standard input (then closed). */
  input?: Buffer;
  /** Wall-clock limit: the program is killed (SIGKILL) when it runs over. */
  timeoutMs: number;
  /** Its address space (RLIMIT_AS), in MB. */
  memoryMb: number;
  /** Output kept; more fails the run. */
  maxOutputBytes: number;
}

/**
 * Runs `command` under `prlimit` (util-linux): its address space capped at `memoryMb`, its CPU time at the wall
 * limit plus a second (so that it ends even if the process that started it is killed first), one OpenMP thread.
 * Killed past `timeoutMs` or once its output passes `maxOutputBytes`. Never rejects.
 */
export function runBounded(command: string, args: readonly string[], bounds: RunBounds): Promise<BoundedRun> {
  const cpuSeconds = Math.ceil(bounds.timeoutMs / 1000) + 1;
  const limits = [`--as=${bounds.memoryMb * MEGABYTE}`, `--cpu=${cpuSeconds}`];
  return new Promise((resolve) => {
    const child = spawn('prlimit', [...limits, '--', command, ...args], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', OMP_THREAD_LIMIT: '1', LC_ALL: 'C' },
    });
    const chunks: Buffer[] = [];
    let size = 0;
    let stderr = '';
    let ended: BoundedRun | null = null;
    const end = (outcome: BoundedRun) => {
      ended ??= outcome;
      child.kill('SIGKILL');
    };
    const timer = setTimeout(() => end({ status: 'timeout' }), bounds.timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > bounds.maxOutputBytes)
        end({ status: 'failed', detail: `over ${bounds.maxOutputBytes} bytes of output` });
      else chunks.push(chunk);
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-STDERR_TAIL_CHARACTERS);
    });
    // The program may exit without reading all its input (a damaged file): that is its exit status's to say.
    child.stdin.on('error', () => {});
    child.stdin.end(bounds.input ?? Buffer.alloc(0));
    child.on('error', (error) => end({ status: 'failed', detail: error.message }));
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (ended !== null) resolve(ended);
      else if (code === 0) resolve({ status: 'done', stdout: Buffer.concat(chunks) });
      else resolve({ status: 'failed', detail: exitDetail(code, signal, stderr) });
    });
  });
}

function exitDetail(code: number | null, signal: NodeJS.Signals | null, stderr: string): string {
  const how = signal !== null ? `killed by ${signal}` : `exit code ${code ?? 'unknown'}`;
  const lastLine = stderr.trim().split('\n').at(-1)?.trim().slice(0, 200);
  return lastLine ? `${how}: ${lastLine}` : how;
}
