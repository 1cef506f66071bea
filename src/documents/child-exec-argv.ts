/**
 * The parent's flags a reading process needs too: how TypeScript is run (the source runs with Node's type
 * stripping) and the package-export conditions. Not debugger, heap or `--import`/`--require` hooks (a test
 * runner's), which a process that only reads documents does not want.
 */
export function childExecArgv(execArgv: readonly string[]): string[] {
  const kept: string[] = [];
  for (let index = 0; index < execArgv.length; index += 1) {
    const flag = execArgv[index] ?? '';
    if (/^--(no-)?experimental-(strip|transform)-types$/.test(flag)) kept.push(flag);
    else if (/^(--conditions|-C)=/.test(flag)) kept.push(flag);
    else if ((flag === '--conditions' || flag === '-C') && execArgv[index + 1] !== undefined) {
      kept.push(flag, execArgv[index + 1] ?? '');
      index += 1;
    }
  }
  return kept;
}
