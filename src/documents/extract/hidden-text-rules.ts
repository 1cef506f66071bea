/** Text smaller than this many points cannot be read by a person (the same rule for every format). */
export const MICROSCOPIC_POINTS = 2;

/** Characters of hidden text kept per document. */
export const MAX_HIDDEN_CHARS = 2000;

/** The relative luminance of an sRGB colour given as six hex digits (`#` optional); null when unparsable. */
export function luminance(hex: string): number | null {
  const match = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  if (!match?.[1]) return null;
  const value = Number.parseInt(match[1], 16);
  const channel = (shift: number): number => {
    const c = ((value >> shift) & 0xff) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(16) + 0.7152 * channel(8) + 0.0722 * channel(0);
}

/** Whether text of this colour is (nearly) invisible on a white page: contrast with white under 1.2:1. */
export function isNearWhite(hex: string): boolean {
  const l = luminance(hex);
  return l !== null && 1.05 / (l + 0.05) < 1.2;
}

/** Whether a background colour (a fill or highlight behind text) is a real, non-white background. */
export function isVisibleBackground(hex: string | null | undefined): boolean {
  if (!hex) return false;
  const l = luminance(hex);
  return l !== null && !isNearWhite(hex);
}
