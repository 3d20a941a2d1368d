/** The styles of the maps' vector layers: features, the edited geometry, selections, clusters and overlays coloured by a fixed choice. */
import type { FeatureLike } from 'ol/Feature.js';
import CircleStyle from 'ol/style/Circle.js';
import Fill from 'ol/style/Fill.js';
import Stroke from 'ol/style/Stroke.js';
import Style from 'ol/style/Style.js';
import Text from 'ol/style/Text.js';
import type { OverlaySettings } from './contract.ts';

/** Colours with enough contrast against a plain light background. */
export const COLORS = { feature: '#0b5394', edited: '#b3261e', selection: '#6a1b9a', neighbour: '#5f6368', overlay: '#1e6b30' } as const;

const withAlpha = (hex: string, alpha: number): string => {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) return hex;
  const [red, green, blue] = [match[1], match[2], match[3]].map((part) => parseInt(part ?? '0', 16));
  return `rgba(${red}, ${green}, ${blue}, ${alpha})`;
};

/** A point, line or polygon drawn in one colour. */
export function plainStyle(color: string, width = 2): Style {
  return new Style({
    stroke: new Stroke({ color, width }),
    fill: new Fill({ color: withAlpha(color, 0.2) }),
    image: new CircleStyle({ radius: 6, fill: new Fill({ color: withAlpha(color, 0.8) }), stroke: new Stroke({ color: '#ffffff', width: 2 }) }),
  });
}

const clusterStyles = new Map<number, Style>();

/** A cluster: a disc with its count; a cluster of one is the feature itself. */
export function clusterStyle(feature: FeatureLike): Style {
  const members = (feature.get('features') as FeatureLike[] | undefined) ?? [];
  if (members.length <= 1) return plainStyle(COLORS.feature);
  let style = clusterStyles.get(members.length);
  if (!style) {
    style = new Style({
      image: new CircleStyle({ radius: 10 + Math.min(12, Math.log2(members.length) * 2), fill: new Fill({ color: COLORS.feature }), stroke: new Stroke({ color: '#ffffff', width: 2 }) }),
      text: new Text({ text: String(members.length), fill: new Fill({ color: '#ffffff' }), font: 'bold 12px sans-serif' }),
    });
    clusterStyles.set(members.length, style);
  }
  return style;
}

/** An overlay: one colour per value of its style field (the legend), its own colour otherwise. */
export function overlayStyle(overlay: OverlaySettings): (feature: FeatureLike) => Style {
  const byValue = new Map((overlay.style?.legend ?? []).map((entry) => [entry.value, plainStyle(entry.color)]));
  const fallback = plainStyle(COLORS.overlay);
  const field = overlay.style?.field;
  return (feature) => {
    const value: unknown = field ? feature.get(field) : undefined;
    return (value !== undefined && value !== null ? byValue.get(String(value)) : undefined) ?? fallback;
  };
}
