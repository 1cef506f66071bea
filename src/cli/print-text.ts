import { terminalText } from '../output/terminal-text.ts';

/**
 * Writes a command's text answer and a newline to `stream` (stdout by default) through terminalText: names,
 * subjects, file names and server answers come from mail and servers, and must not reach an operator's terminal
 * as escape sequences (window title, screen clear) or direction overrides. JSON is printed as it is (escaped).
 */
export function printText(text: string, stream: NodeJS.WritableStream = process.stdout): void {
  stream.write(`${terminalText(text)}\n`);
}
