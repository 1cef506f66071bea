/** Colours of the digest's HTML, each a background with the text colour that goes on it. */
export const PALETTE = {
  page: { background: '#eef1f5', color: '#1f2933' },
  card: { background: '#ffffff', color: '#1f2933' },
  header: { background: '#1d3557', color: '#ffffff' },
  band: { background: '#f5f7fa', color: '#3e4c59' },
  new: { background: '#dbe8ff', color: '#1a3e8c' },
  updated: { background: '#e9ecf1', color: '#3e4c59' },
  complete: { background: '#dcf2e3', color: '#17603a' },
  missing: { background: '#fff0d6', color: '#7a4100' },
  flag: { background: '#fde4e4', color: '#8e1b1b' },
} as const;

/** Plain text colours used on the card's white background. */
export const INK = { heading: '#1d3557', muted: '#616e7c', rule: '#d9dee5' } as const;

/** The font stack: system fonts only, no web fonts. */
export const FONT = "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";

/**
 * An inline `style` value setting a background and, always with it, a text colour: clients that recolour in dark
 * mode then keep the pair readable instead of leaving the default text colour on a set background. `color`
 * replaces the pair's text colour (muted text on a card).
 */
export function paint(
  colours: { background: string; color: string },
  rest = '',
  color = colours.color,
): string {
  return `background-color:${colours.background};color:${color};${rest}`;
}

/**
 * An inline `style` value with a text colour only, for text inside a `paint`ed cell: the cell's background shows
 * through, and repeating it on every line would bloat the mail towards Gmail's 102 KB clipping limit.
 */
export function ink(color: string, rest = ''): string {
  return `color:${color};${rest}`;
}

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ENTITIES[character] ?? character);
}

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** A small rounded label (`NEW`, `Complete`) with its own background and text colour. */
export function badge(text: string, colours: { background: string; color: string }): string {
  const style = paint(
    colours,
    `display:inline-block;padding:2px 8px;border-radius:10px;font-size:11px;line-height:16px;font-weight:600;letter-spacing:0.3px;`,
  );
  return `<span style="${style}">${escapeHtml(text)}</span>`;
}

/** A presentation table opening tag with Outlook-safe attributes, the font (Outlook does not inherit it), and `style`. */
export function table(style: string, width = '100%'): string {
  return `<table role="presentation" width="${width}" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse;font-family:${FONT};${style}">`;
}
