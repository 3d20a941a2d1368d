/**
 * The accent colour's contrast (WCAG 2.1 §1.4.3, RGAA criterion 3.2): the colour is the background
 * of the header and of the primary buttons under white text, and the colour of links and focus
 * outlines on the white page and on the light grey of the breadcrumb. Each of those pairs needs
 * 4.5:1 (normal-size text).
 */
import type { Locale } from '../i18n/index.ts';
import { brandingMessages } from './messages.ts';

export const NEEDED_RATIO = 4.5;

/** The backgrounds links in the accent colour sit on (commun.css: `--fond`, `--fond-doux`). */
const PAIRS = [
  { usage: 'white', against: '#ffffff' },
  { usage: 'light', against: '#f4f5f7' },
] as const;

export type ColourCheck = { readonly ok: true; readonly colour: string } | { readonly ok: false; readonly message: string };

/** `#0B4F8A`, ` #0b4f8a ` → `#0b4f8a`; undefined when it is not six hexadecimal digits. */
export function normalizedColour(value: string): string | undefined {
  const trimmed = value.trim().toLowerCase();
  return /^#[0-9a-f]{6}$/.test(trimmed) ? trimmed : undefined;
}

function channels(colour: string): [number, number, number] {
  return [1, 3, 5].map((start) => parseInt(colour.slice(start, start + 2), 16)) as [number, number, number];
}

/** WCAG 2.1 relative luminance of a `#rrggbb` colour. */
export function relativeLuminance(colour: string): number {
  const [r, g, b] = channels(colour).map((value) => {
    const s = value / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The contrast ratio of two `#rrggbb` colours, from 1 to 21. */
export function contrastRatio(first: string, second: string): number {
  const [light, dark] = [relativeLuminance(first), relativeLuminance(second)].sort((a, b) => b - a) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/**
 * Rounded down to two decimals, so that a ratio shown as « 4,50 » really is at least 4.5: a colour
 * at 4.499 is shown 4,49 and refused.
 */
export function shownRatio(ratio: number, locale?: Locale): string {
  const floored = Math.floor(ratio * 100) / 100;
  return floored.toLocaleString(locale === 'en' ? 'en-GB' : 'fr-FR', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** The lowest ratio of the colour's uses, and which use it is. */
export function weakestContrast(colour: string): { readonly ratio: number; readonly usage: (typeof PAIRS)[number]['usage'] } {
  return PAIRS.map((pair) => ({ ratio: contrastRatio(colour, pair.against), usage: pair.usage })).reduce((weakest, pair) => (pair.ratio < weakest.ratio ? pair : weakest));
}

/** The colour as stored, or the French reason it is refused (its ratio and the ratio needed). */
export function checkAccentColour(value: string, locale?: Locale): ColourCheck {
  const colour = normalizedColour(value);
  if (!colour) return { ok: false, message: brandingMessages('colourFormat', { value: value.trim() }, locale) };
  const weakest = weakestContrast(colour);
  if (weakest.ratio < NEEDED_RATIO) {
    return {
      ok: false,
      message: brandingMessages(
        'colourContrast',
        {
          colour,
          found: shownRatio(weakest.ratio, locale),
          needed: NEEDED_RATIO.toLocaleString(locale === 'en' ? 'en-GB' : 'fr-FR'),
          usage: brandingMessages(`usages.${weakest.usage}`, undefined, locale),
        },
        locale,
      ),
    };
  }
  return { ok: true, colour };
}

/** The colour mixed with black (`share` of black): the hover shade of links and buttons. */
export function darker(colour: string, share = 0.25): string {
  return `#${channels(colour)
    .map((value) => Math.round(value * (1 - share)).toString(16).padStart(2, '0'))
    .join('')}`;
}
