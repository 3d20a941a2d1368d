/**
 * What an uploaded file must be before it is stored: not empty, not too large, of an accepted type.
 * The type is read from the content (magic bytes) rather than trusted from the browser: a PDF or an
 * image must start as one; office documents must be a zip (OOXML, OpenDocument) or an OLE file
 * (older Office formats); text must contain no NUL byte.
 */
import { t, type Locale } from '../i18n/index.ts';

/** A file as the browser sent it. */
export interface Upload {
  readonly name: string;
  /** The type the browser declared (never trusted alone). */
  readonly declaredType: string;
  readonly bytes: Uint8Array;
}

/** A file that passed the checks, with the type read from its content and a safe name. */
export interface CheckedUpload {
  readonly name: string;
  readonly type: string;
  readonly bytes: Uint8Array;
}

export interface FileRules {
  readonly maxBytes: number;
  readonly types: readonly string[];
}

export type UploadCheck = { readonly ok: true; readonly upload: CheckedUpload } | { readonly ok: false; readonly message: string };

const PDF = 'application/pdf';
const PNG = 'image/png';
const JPEG = 'image/jpeg';
const GIF = 'image/gif';
const WEBP = 'image/webp';
const TEXT = 'text/plain';
const CSV = 'text/csv';
const DOC = 'application/msword';
const XLS = 'application/vnd.ms-excel';
const PPT = 'application/vnd.ms-powerpoint';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const PPTX = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';
const ODT = 'application/vnd.oasis.opendocument.text';
const ODS = 'application/vnd.oasis.opendocument.spreadsheet';
const ODP = 'application/vnd.oasis.opendocument.presentation';

/** PDF, images, office documents and text: what a town's agents attach to a record. */
export const DEFAULT_FILE_TYPES: readonly string[] = [PDF, PNG, JPEG, GIF, WEBP, DOC, XLS, PPT, DOCX, XLSX, PPTX, ODT, ODS, ODP, TEXT, CSV];

const BY_EXTENSION: Readonly<Record<string, string>> = {
  pdf: PDF,
  png: PNG,
  jpg: JPEG,
  jpeg: JPEG,
  gif: GIF,
  webp: WEBP,
  txt: TEXT,
  csv: CSV,
  doc: DOC,
  xls: XLS,
  ppt: PPT,
  docx: DOCX,
  xlsx: XLSX,
  pptx: PPTX,
  odt: ODT,
  ods: ODS,
  odp: ODP,
};

/** Short names of the types, for the messages (keys of `files.types`). */
const TYPE_NAMES = {
  [PDF]: 'pdf',
  [PNG]: 'png',
  [JPEG]: 'jpeg',
  [GIF]: 'gif',
  [WEBP]: 'webp',
  [TEXT]: 'text',
  [CSV]: 'csv',
  [DOC]: 'word',
  [DOCX]: 'word',
  [XLS]: 'excel',
  [XLSX]: 'excel',
  [PPT]: 'powerpoint',
  [PPTX]: 'powerpoint',
  [ODT]: 'odt',
  [ODS]: 'ods',
  [ODP]: 'odp',
} as const;

const ZIP_TYPES = new Set([DOCX, XLSX, PPTX, ODT, ODS, ODP]);
const OLE_TYPES = new Set([DOC, XLS, PPT]);
const TEXT_TYPES = new Set([TEXT, CSV]);

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0) =>
  signature.every((byte, index) => bytes[offset + index] === byte);
const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0));

/** The type the content proves, when it has a signature we know. */
function signatureType(bytes: Uint8Array): string | 'zip' | 'ole' | undefined {
  if (startsWith(bytes, ascii('%PDF-'))) return PDF;
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return PNG;
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return JPEG;
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return GIF;
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return WEBP;
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return 'zip';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole';
  return undefined;
}

const looksLikeText = (bytes: Uint8Array) => !bytes.subarray(0, 64 * 1024).includes(0);

const extensionOf = (name: string) => /\.([A-Za-z0-9]{1,8})$/.exec(name)?.[1]?.toLowerCase();

/** What the user says the file is: its extension first, then the browser's declared type. */
function claimedType(upload: Upload): string | undefined {
  const byExtension = BY_EXTENSION[extensionOf(upload.name) ?? ''];
  if (byExtension) return byExtension;
  const declared = upload.declaredType.split(';')[0]?.trim().toLowerCase() ?? '';
  return Object.hasOwn(TYPE_NAMES, declared) ? declared : undefined;
}

/** The file's real type, or `mismatch` when the content contradicts what it claims to be. */
function detectType(upload: Upload): string | 'mismatch' | undefined {
  const claimed = claimedType(upload);
  const signature = signatureType(upload.bytes);
  if (signature === 'zip') return claimed && ZIP_TYPES.has(claimed) ? claimed : claimed ? 'mismatch' : undefined;
  if (signature === 'ole') return claimed && OLE_TYPES.has(claimed) ? claimed : claimed ? 'mismatch' : undefined;
  if (signature) {
    // An image or a PDF under another name: accepted as what it really is only if it claims nothing else.
    return claimed === undefined || claimed === signature ? signature : 'mismatch';
  }
  if (claimed && TEXT_TYPES.has(claimed)) return looksLikeText(upload.bytes) ? claimed : 'mismatch';
  return claimed ? 'mismatch' : undefined;
}

/** « rapport.pdf »: the last segment of the name, without control characters, at most 255 characters. */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base.replace(/[\u0000-\u001f\u007f"]/g, '').trim();
  return (cleaned === '' || cleaned === '.' || cleaned === '..' ? 'fichier' : cleaned).slice(-255);
}

/** « 2,5 Mo », « 820 Ko », « 12 octets ». */
export function formatSize(bytes: number, locale?: Locale): string {
  const number = (value: number) => value.toLocaleString(locale === 'en' ? 'en-GB' : 'fr-FR', { maximumFractionDigits: 1 });
  if (bytes >= 1024 * 1024) return t('files.size.mb', { n: number(bytes / (1024 * 1024)) }, locale);
  if (bytes >= 1024) return t('files.size.kb', { n: number(bytes / 1024) }, locale);
  return t('files.size.bytes', { n: bytes }, locale);
}

/** « PDF, PNG, Word… »: the accepted types, as users name them. */
export function describeTypes(types: readonly string[], locale?: Locale): string {
  const names = new Set<string>();
  for (const type of types) {
    const key = (TYPE_NAMES as Readonly<Record<string, (typeof TYPE_NAMES)[keyof typeof TYPE_NAMES]>>)[type];
    names.add(key ? t(`files.types.${key}`, undefined, locale) : type);
  }
  return [...names].join(', ');
}

/** Checks an upload against the field's rules; the refusal says what to do, in `locale`. */
export function checkUpload(upload: Upload, rules: FileRules, label: string, locale?: Locale): UploadCheck {
  const name = safeFileName(upload.name);
  if (upload.bytes.byteLength === 0) return { ok: false, message: t('files.empty', { label, name }, locale) };
  if (upload.bytes.byteLength > rules.maxBytes) {
    const message = t('files.tooLarge', { label, name, size: formatSize(upload.bytes.byteLength, locale), max: formatSize(rules.maxBytes, locale) }, locale);
    return { ok: false, message };
  }
  const type = detectType(upload);
  if (type === 'mismatch') return { ok: false, message: t('files.contentMismatch', { label, name }, locale) };
  if (type === undefined || !rules.types.includes(type)) {
    return { ok: false, message: t('files.typeRefused', { label, name, types: describeTypes(rules.types, locale) }, locale) };
  }
  return { ok: true, upload: { name, type, bytes: upload.bytes } };
}

/** The `accept` attribute of a file input for these types (a hint for the browser's chooser). */
export function acceptAttribute(types: readonly string[]): string {
  const extensions = Object.entries(BY_EXTENSION)
    .filter(([, type]) => types.includes(type))
    .map(([extension]) => `.${extension}`);
  return [...types, ...extensions].join(',');
}
