import type { HiddenTextReason } from '../../extraction.ts';
import { isNearWhite, isVisibleBackground, MICROSCOPIC_POINTS } from '../hidden-text-rules.ts';
import { walkXml, type XmlElement } from '../walk-xml.ts';
import { ODF_PREFIXES } from './odf-namespaces.ts';

/** The formatting of an ODF style that decides whether text in it can be seen. */
export interface OdfTextProperties {
  hidden?: boolean;
  color?: string;
  /** Absolute size in points, or a percentage of the enclosing size. */
  points?: number;
  percent?: number;
  background?: string | null;
}

interface StyleEntry {
  parent: string | null;
  props: OdfTextProperties;
}

/** Styles by `family:name` (paragraph, text and table-cell styles, common and automatic). */
export type OdfStyles = Map<string, StyleEntry>;

const UNITS: Record<string, number> = { pt: 1, px: 0.75, pc: 12, in: 72, cm: 72 / 2.54, mm: 72 / 25.4 };
const DEFAULT_POINTS = 12;
const MAX_CHAIN = 20;

/** Adds the styles defined in one ODF XML part (styles.xml or content.xml) to `styles`. */
export function readOdfStyles(xml: string, styles: OdfStyles): void {
  let current: StyleEntry | null = null;
  walkXml(xml, ODF_PREFIXES, {
    open(element: XmlElement) {
      if (element.name === 'style:style') {
        const name = element.attributes.get('style:name');
        const family = element.attributes.get('style:family');
        current =
          name && family
            ? { parent: element.attributes.get('style:parent-style-name') ?? null, props: {} }
            : null;
        if (current !== null) styles.set(`${family}:${name}`, current);
      } else if (current !== null && /^style:(text|paragraph|table-cell)-properties$/.test(element.name)) {
        readProperties(current.props, element);
      }
    },
    close(element: XmlElement) {
      if (element.name === 'style:style') current = null;
    },
    text() {},
  });
}

function readProperties(props: OdfTextProperties, element: XmlElement): void {
  const display = element.attributes.get('text:display');
  if (display !== undefined) props.hidden = display === 'none';
  const color = element.attributes.get('fo:color');
  if (color !== undefined) props.color = color;
  const background = element.attributes.get('fo:background-color');
  if (background !== undefined) props.background = background === 'transparent' ? null : background;
  const size = /^([\d.]+)\s*(pt|px|pc|in|cm|mm|%)$/.exec(element.attributes.get('fo:font-size') ?? '');
  if (size?.[1] !== undefined && size[2] !== undefined) {
    const value = Number(size[1]);
    if (size[2] === '%') props.percent = value;
    else props.points = value * (UNITS[size[2]] ?? 1);
  }
}

/** A style's properties with its parents' (nearest wins), or {} when unknown. */
export function resolveOdfStyle(
  styles: OdfStyles,
  family: string,
  name: string | undefined,
): OdfTextProperties {
  const chain: OdfTextProperties[] = [];
  const seen = new Set<string>();
  let next = name ?? null;
  while (next !== null && !seen.has(next) && chain.length < MAX_CHAIN) {
    seen.add(next);
    const entry = styles.get(`${family}:${next}`);
    if (entry === undefined) break;
    chain.unshift(entry.props);
    next = entry.parent;
  }
  return mergeOdfProperties(chain);
}

/** Layers merged outermost first; a percentage size scales the size in effect. */
export function mergeOdfProperties(layers: readonly OdfTextProperties[]): OdfTextProperties {
  const merged: OdfTextProperties = {};
  let points = DEFAULT_POINTS;
  let sized = false;
  for (const layer of layers) {
    if (layer.hidden !== undefined) merged.hidden = layer.hidden;
    if (layer.color !== undefined) merged.color = layer.color;
    if (layer.background !== undefined) merged.background = layer.background;
    if (layer.points !== undefined) points = layer.points;
    else if (layer.percent !== undefined) points = (points * layer.percent) / 100;
    sized ||= layer.points !== undefined || layer.percent !== undefined;
  }
  if (sized) merged.points = points;
  return merged;
}

/** Why text with these properties is hidden; `shaded`: a coloured cell lies behind it. */
export function hiddenOdfReasons(props: OdfTextProperties, shaded: boolean): HiddenTextReason[] {
  const reasons: HiddenTextReason[] = [];
  if (props.hidden === true) reasons.push('hidden-formatting');
  if (props.points !== undefined && props.points < MICROSCOPIC_POINTS) reasons.push('microscopic-text');
  const onColour = shaded || isVisibleBackground(props.background);
  if (props.color !== undefined && isNearWhite(props.color) && !onColour) reasons.push('white-text');
  return reasons;
}
