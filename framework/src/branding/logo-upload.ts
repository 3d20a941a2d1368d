/**
 * What a collectivité's logo must be: PNG or JPEG (read from the content: a PDF can only embed
 * those, and an SVG could carry a script), at most 512 Ko and 2,000 pixels a side, readable as an
 * image.
 */
import { checkUpload, type CheckedUpload, type Upload } from '../files/index.ts';
import { imageDimensions } from '../documents/logos/index.ts';
import type { Locale } from '../i18n/index.ts';
import { brandingMessages } from './messages.ts';

export const LOGO_MAX_BYTES = 512 * 1024;
export const LOGO_MAX_SIDE = 2000;
export const LOGO_TYPES: readonly string[] = ['image/png', 'image/jpeg'];

export type LogoCheck = { readonly ok: true; readonly upload: CheckedUpload } | { readonly ok: false; readonly message: string };

export function checkLogo(upload: Upload, locale?: Locale): LogoCheck {
  if (upload.bytes.byteLength === 0 && upload.name.trim() === '') return { ok: false, message: brandingMessages('logoMissing', undefined, locale) };
  const checked = checkUpload(upload, { maxBytes: LOGO_MAX_BYTES, types: LOGO_TYPES }, brandingMessages('logoLabel', undefined, locale), locale);
  if (!checked.ok) return checked;
  const size = imageDimensions(checked.upload.bytes);
  if (!size || size.type !== checked.upload.type) return { ok: false, message: brandingMessages('logoUnreadable', { name: checked.upload.name }, locale) };
  if (size.width > LOGO_MAX_SIDE || size.height > LOGO_MAX_SIDE) {
    return { ok: false, message: brandingMessages('logoTooWide', { name: checked.upload.name, width: size.width, height: size.height, max: LOGO_MAX_SIDE }, locale) };
  }
  return checked;
}
