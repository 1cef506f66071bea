// Minimal type declarations for `word-extractor` 1.x (plain JS, no types): only what extract-doc.ts uses.
declare module 'word-extractor' {
  interface TextOptions {
    filterUnicode?: boolean;
  }

  interface WordDocument {
    getBody(options?: TextOptions): string;
    getHeaders(options?: TextOptions & { includeFooters?: boolean }): string;
    getFooters(options?: TextOptions): string;
    getFootnotes(options?: TextOptions): string;
    getEndnotes(options?: TextOptions): string;
    getTextboxes(
      options?: TextOptions & { includeHeadersAndFooters?: boolean; includeBody?: boolean },
    ): string;
  }

  class WordExtractor {
    /** Reads a .doc (OLE) or .docx file, from a path or a Buffer. */
    extract(source: string | Buffer): Promise<WordDocument>;
  }

  export default WordExtractor;
}
