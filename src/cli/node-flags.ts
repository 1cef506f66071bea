/**
 * The Node flag every launcher of the daemon passes (npm scripts, the bin's shebang, the systemd unit, the
 * Dockerfile): a 4 MB young generation instead of V8's default of up to 32 MB per semi-space keeps the heap V8
 * reserves near what is used, about 90 MB less at the peak of the benchmark's drain (README, Benchmark).
 */
export const YOUNG_GENERATION_FLAG = '--max-semi-space-size=4';

/** True when the process was started with the flag (in any value). */
export function hasYoungGenerationFlag(execArgv: readonly string[]): boolean {
  return execArgv.some((flag) => flag.startsWith('--max-semi-space-size'));
}
