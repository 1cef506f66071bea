/**
 * Crash-test hook: when the environment variable TRIAGE_FAULT_POINT names this point, the process kills itself
 * with SIGKILL right here, as a power cut would. Used only by the crash tests; unset in production.
 */
export function faultPoint(name: string): void {
  if (process.env.TRIAGE_FAULT_POINT === name) process.kill(process.pid, 'SIGKILL');
}
