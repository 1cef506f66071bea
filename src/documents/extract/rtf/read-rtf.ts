import type { HiddenTextReason } from '../../extraction.ts';
import { isNearWhite, MICROSCOPIC_POINTS } from '../hidden-text-rules.ts';
import type { TextCollector } from '../text-collector.ts';
import { charsetCodepage, decodeCodepage } from './rtf-codepages.ts';
import { CONTROL, GROUP_END, GROUP_START, TEXT, type RtfToken } from './rtf-tokens.ts';
import { BREAKS, SKIPPED_DESTINATIONS, SYMBOLS } from './rtf-vocabulary.ts';

interface Group {
  skip: boolean;
  /** A table being read rather than text. */
  table: 'fonttbl' | 'colortbl' | null;
  uc: number;
  font: number | null;
  hidden: boolean;
  color: number;
  halfPoints: number | null;
  background: boolean;
}

/**
 * Reads RTF tokens into `collector`: destinations that are not text are skipped, `\par`/`\line` end lines,
 * `\cell` and `\tab` give tabs, `\'hh` bytes are decoded in the font's or document's code page and `\uN`
 * characters skip their `\ucN` fallbacks. Hidden (`\v`), white (`\cf` to a white colour) and microscopic
 * (`\fs` under the limit) text goes to hidden text.
 */
export class RtfReader {
  readonly #collector: TextCollector;
  #group: Group = {
    skip: false,
    table: null,
    uc: 1,
    font: null,
    hidden: false,
    color: 0,
    halfPoints: null,
    background: false,
  };
  #stack: Group[] = [];
  #groupStart = false;
  #codepage = 1252;
  #fontCodepages = new Map<number, number>();
  #tableFont: number | null = null;
  #colors: (string | null)[] = [];
  #rgb: [number, number, number] | null = null;
  #skipChars = 0;
  #bytes: number[] = [];

  constructor(collector: TextCollector) {
    this.#collector = collector;
  }

  read(token: RtfToken): void {
    if (token.type === CONTROL && token.word === "'" && token.data !== undefined) {
      if (this.#skipChars > 0) this.#skipChars -= 1;
      else if (!this.#group.skip) this.#bytes.push(token.data[0] ?? 0x3f);
      return;
    }
    this.#flushBytes();
    const starting = this.#groupStart;
    this.#groupStart = false;
    if (token.type === GROUP_START) {
      this.#stack.push(this.#group);
      this.#group = { ...this.#group };
      this.#groupStart = true;
    } else if (token.type === GROUP_END) {
      this.#group = this.#stack.pop() ?? this.#group;
    } else if (token.type === TEXT && token.data !== undefined) {
      this.#text(token.data);
    } else if (token.type === CONTROL && token.word !== undefined) {
      if (starting) this.#destination(token.word);
      this.#control(token.word, token.param);
    }
  }

  /** Call after the last token. */
  end(): void {
    this.#flushBytes();
  }

  #destination(word: string): void {
    if (word === '*' || SKIPPED_DESTINATIONS.has(word)) this.#group.skip = true;
    if (word === 'fonttbl' || word === 'colortbl') {
      this.#group.table = word;
      this.#group.skip = true;
    }
  }

  #control(word: string, param: number | undefined): void {
    const group = this.#group;
    if (group.table !== null) {
      this.#tableControl(word, param);
      return;
    }
    switch (word) {
      case 'ansicpg':
        if (param !== undefined && param > 0) this.#codepage = param;
        return;
      case 'mac':
        this.#codepage = 10000;
        return;
      case 'pc':
        this.#codepage = 437;
        return;
      case 'pca':
        this.#codepage = 850;
        return;
      case 'uc':
        group.uc = Math.max(0, param ?? 1);
        return;
      case 'u':
        if (param !== undefined) this.#write(String.fromCharCode(param < 0 ? param + 65536 : param));
        this.#skipChars = group.uc;
        return;
      case 'f':
        group.font = param ?? null;
        return;
      case 'plain':
        Object.assign(group, { hidden: false, color: 0, halfPoints: null, background: false });
        return;
      case 'v':
        group.hidden = param !== 0;
        return;
      case 'cf':
        group.color = param ?? 0;
        return;
      case 'fs':
        group.halfPoints = param ?? null;
        return;
      case 'cb':
      case 'chcbpat':
      case 'highlight':
        group.background = this.#isColoured(param ?? 0);
        return;
      default:
        this.#symbol(word);
    }
  }

  #symbol(word: string): void {
    const symbol = SYMBOLS[word];
    if (symbol !== undefined) {
      this.#write(symbol);
      return;
    }
    const separator = BREAKS[word];
    if (separator !== undefined && !this.#group.skip) this.#collector.separate(separator);
  }

  #tableControl(word: string, param: number | undefined): void {
    if (this.#group.table === 'fonttbl') {
      if (word === 'f') this.#tableFont = param ?? null;
      const codepage = word === 'fcharset' && param !== undefined ? charsetCodepage(param) : null;
      if (word === 'cpg' && param !== undefined) this.#fontCodepages.set(this.#tableFont ?? -1, param);
      if (codepage !== null && this.#tableFont !== null) this.#fontCodepages.set(this.#tableFont, codepage);
      return;
    }
    const index = ['red', 'green', 'blue'].indexOf(word);
    if (index >= 0) {
      this.#rgb ??= [0, 0, 0];
      this.#rgb[index] = Math.max(0, Math.min(255, param ?? 0));
    }
  }

  #text(data: Buffer): void {
    if (this.#group.table === 'colortbl') {
      for (const byte of data) {
        if (byte !== 0x3b) continue; // ';' ends a colour; an empty entry is "auto"
        this.#colors.push(
          this.#rgb === null ? null : this.#rgb.map((c) => c.toString(16).padStart(2, '0')).join(''),
        );
        this.#rgb = null;
      }
      return;
    }
    const skipped = Math.min(this.#skipChars, data.length);
    this.#skipChars -= skipped;
    if (!this.#group.skip && data.length > skipped)
      this.#write(decodeCodepage(data.subarray(skipped), this.#activeCodepage()));
  }

  #flushBytes(): void {
    if (this.#bytes.length === 0) return;
    const bytes = Buffer.from(this.#bytes);
    this.#bytes = [];
    this.#write(decodeCodepage(bytes, this.#activeCodepage()));
  }

  #activeCodepage(): number {
    const font = this.#group.font;
    return (font !== null ? this.#fontCodepages.get(font) : undefined) ?? this.#codepage;
  }

  #write(text: string): void {
    if (!this.#group.skip) this.#collector.write(text, this.#reasons());
  }

  #reasons(): HiddenTextReason[] {
    const group = this.#group;
    const reasons: HiddenTextReason[] = [];
    if (group.hidden) reasons.push('hidden-formatting');
    if (group.halfPoints !== null && group.halfPoints / 2 < MICROSCOPIC_POINTS)
      reasons.push('microscopic-text');
    const color = this.#colors[group.color];
    if (color && isNearWhite(color) && !group.background) reasons.push('white-text');
    return reasons;
  }

  #isColoured(index: number): boolean {
    const color = this.#colors[index];
    return index > 0 && color !== null && color !== undefined && !isNearWhite(color);
  }
}
