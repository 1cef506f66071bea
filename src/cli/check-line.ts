/** One line of `check` output. */
export interface CheckLine {
  ok: boolean;
  /** A warning: not a failure (the exit code stays 0), but probably not what was meant. */
  warning?: boolean;
  name: string;
  detail: string;
}
