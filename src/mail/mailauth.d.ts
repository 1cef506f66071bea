// Minimal type declarations for mailauth's RFC 8601 header parser (plain JS; its index.d.ts does not cover lib/).
declare module 'mailauth/lib/parse-dkim-headers.js' {
  /** One method's result: `value` is the result word; ptype.property values are nested (`header: { from }`). */
  interface AuthResult {
    value: string;
    comment?: string;
    [ptype: string]: unknown;
  }

  interface ParsedAuthenticationResults {
    header: string;
    /** The authserv-id, followed by its optional version number. */
    value: string;
    dkim?: AuthResult[];
    dmarc?: AuthResult;
    [method: string]: unknown;
  }

  /** Parses one whole header line (`Authentication-Results: …`). */
  function headerParser(line: string): { parsed: ParsedAuthenticationResults; original: string };
  export default headerParser;
}
