/**
 * What a scan may be: a PDF, a PNG or a JPEG (the type read from the content, as every upload of
 * the framework), not empty, at most 30 Mo. The refusals name the file and say what to do.
 */
import type { Locale } from '../../i18n/index.ts';
import { checkUpload, formatSize, safeFileName, type CheckedUpload, type Upload } from '../check.ts';
import { intakeMessage } from './messages.ts';

export const SCAN_TYPES: readonly string[] = ['application/pdf', 'image/png', 'image/jpeg'];
export const SCAN_MAX_BYTES = 30 * 1024 * 1024;

export type ScanCheck = { readonly ok: true; readonly upload: CheckedUpload } | { readonly ok: false; readonly message: string };

/** The size rule alone (a file in the watched folder is refused by its size before it is read). */
export function scanSizeRefusal(name: string, size: number, locale?: Locale): string | undefined {
  const safe = safeFileName(name);
  if (size === 0) return intakeMessage('refus.vide', { name: safe }, locale);
  if (size > SCAN_MAX_BYTES) {
    return intakeMessage('refus.tropGros', { name: safe, size: formatSize(size, locale), max: formatSize(SCAN_MAX_BYTES, locale) }, locale);
  }
  return undefined;
}

/** Checks a scan with the file store's rules (type from the content), in the intake's words. */
export function checkScan(upload: Upload, locale?: Locale): ScanCheck {
  const refusal = scanSizeRefusal(upload.name, upload.bytes.byteLength, locale);
  if (refusal) return { ok: false, message: refusal };
  const checked = checkUpload(upload, { maxBytes: SCAN_MAX_BYTES, types: SCAN_TYPES }, '', locale);
  if (!checked.ok) return { ok: false, message: intakeMessage('refus.type', { name: safeFileName(upload.name) }, locale) };
  return checked;
}
