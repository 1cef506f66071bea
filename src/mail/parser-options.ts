/**
 * mailparser's options for every message the daemon reads (the benchmark's floor parses with them too). An attached
 * message is always kept as an attachment (`ignoreEmbedded`), even one marked inline: it is then unpacked as a
 * container, within the nesting and size limits, its files knowing where they came from.
 */
export const PARSER_OPTIONS = {
  ignoreEmbedded: true,
  skipHtmlToText: true,
  skipTextToHtml: true,
  skipImageLinks: true,
  skipTextLinks: true,
  keepDeliveryStatus: true,
  checksumAlgo: 'sha256',
} as const;
