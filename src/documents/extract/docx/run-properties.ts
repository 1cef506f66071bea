import type { HiddenTextReason } from '../../extraction.ts';
import { isNearWhite, isVisibleBackground, MICROSCOPIC_POINTS } from '../hidden-text-rules.ts';
import type { XmlElement } from '../walk-xml.ts';

/** The character formatting that decides whether a run of DOCX text can be seen. */
export interface RunProperties {
  vanish?: boolean;
  /** `w:color`: six hex digits or `auto`. */
  color?: string;
  /** `w:sz`, in half-points. */
  halfPoints?: number;
  /** Shading or highlight behind the text, as six hex digits (null: none). */
  background?: string | null;
}

const HIGHLIGHTS: Record<string, string | null> = { none: null, white: 'FFFFFF' };

/** Records one child of `w:rPr` into `props`. */
export function readRunProperty(props: RunProperties, element: XmlElement): void {
  const value = element.attributes.get('w:val');
  switch (element.name) {
    case 'w:vanish':
      props.vanish = value === undefined || !/^(0|false|off)$/i.test(value);
      break;
    case 'w:color':
      if (value !== undefined) props.color = value;
      break;
    case 'w:sz': {
      const size = Number(value);
      if (Number.isFinite(size)) props.halfPoints = size;
      break;
    }
    case 'w:shd':
      props.background = shading(element);
      break;
    case 'w:highlight':
      // Named highlight colours other than white and none are all visible backgrounds.
      if (value !== undefined)
        props.background = value in HIGHLIGHTS ? (HIGHLIGHTS[value] ?? null) : '000000';
      break;
    default:
      break;
  }
}

/** The colour of a `w:shd` (solid pattern colour, else the fill), null when none or automatic. */
export function shading(element: XmlElement): string | null {
  const pattern = element.attributes.get('w:val');
  const colour = pattern === 'solid' ? element.attributes.get('w:color') : element.attributes.get('w:fill');
  return colour === undefined || colour === 'auto' ? null : colour;
}

/** `layers` merged in order, later ones winning. */
export function mergeRunProperties(...layers: readonly RunProperties[]): RunProperties {
  const merged: RunProperties = {};
  for (const layer of layers) {
    if (layer.vanish !== undefined) merged.vanish = layer.vanish;
    if (layer.color !== undefined) merged.color = layer.color;
    if (layer.halfPoints !== undefined) merged.halfPoints = layer.halfPoints;
    if (layer.background !== undefined) merged.background = layer.background;
  }
  return merged;
}

/** Why text with these properties is hidden; `shaded`: a coloured paragraph, cell or page lies behind it. */
export function hiddenRunReasons(props: RunProperties, shaded: boolean): HiddenTextReason[] {
  const reasons: HiddenTextReason[] = [];
  if (props.vanish === true) reasons.push('hidden-formatting');
  if (props.halfPoints !== undefined && props.halfPoints / 2 < MICROSCOPIC_POINTS)
    reasons.push('microscopic-text');
  const onColour = shaded || isVisibleBackground(props.background);
  if (props.color !== undefined && props.color !== 'auto' && isNearWhite(props.color) && !onColour) {
    reasons.push('white-text');
  }
  return reasons;
}
