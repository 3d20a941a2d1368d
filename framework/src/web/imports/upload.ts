/**
 * The import form as posted, read as a stream: the file goes straight to disk (under the data
 * folder, `traitements/televersements/`), never whole in memory, and is checked as it arrives —
 * the CSRF token first (header, or the `_csrf` field the form puts before the file: a file coming
 * without it is not kept), then its size against the import's own limit, then its start (text, not
 * binary; CSV or plain text by its name and content). A refusal is a French message and its status;
 * nothing is kept.
 */
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import busboy from 'busboy';
import type { Context } from 'hono';
import { checkUpload, formatSize, safeFileName } from '../../files/index.ts';
import { translator, type Locale } from '../../i18n/index.ts';
import { isImportMode, isSeparator, type ImportMode, type Separator } from '../../imports/index.ts';
import { newUploadPath, uploadsFolder } from '../../jobs/index.ts';
import { CSRF_FIELD, CSRF_HEADER, csrfAccepts } from '../auth/csrf.ts';
import type { AppEnv } from '../env.ts';

export const FORM_FIELDS = {
  file: 'fichier',
  separator: 'separateur',
  header: 'entete',
  simulation: 'simulation',
  /** « tout ou rien » or « ignorer les lignes en erreur » (the import engine's `ImportMode`). */
  mode: 'mode',
  /** Update mode: the unique key matching the rows to update (empty: create only). */
  updateKey: 'cle_mise_a_jour',
} as const;

/** Without a choice, the good lines are imported and the others rejected, as before the modes. */
const DEFAULT_MODE: ImportMode = 'ignorer';

const CSV_TYPES = ['text/csv', 'text/plain'];
/** What the content sniffing reads of the file's start. */
const HEAD_BYTES = 64 * 1024;

export interface ImportUpload {
  readonly fileName: string;
  /** The uploaded file on disk; whoever takes the upload removes it when done. */
  readonly path: string;
  readonly separator: Separator;
  readonly header: boolean;
  readonly simulation: boolean;
  readonly mode: ImportMode;
  readonly updateKey: string | undefined;
  /** Every text field of the form (other choices of the import form are read from here). */
  readonly fields: Readonly<Record<string, string>>;
}

export type UploadReading =
  | { readonly ok: true; readonly upload: ImportUpload }
  | { readonly ok: false; readonly status: 400 | 403 | 413; readonly message: string; readonly fields: Readonly<Record<string, string>> };

export interface UploadLimits {
  readonly maxBytes: number;
  readonly dataDir: string;
  readonly locale: Locale;
}

interface ReceivedFile {
  readonly name: string;
  readonly declaredType: string;
  readonly path: string;
  readonly head: Uint8Array;
  readonly tooLarge: boolean;
}

interface Parsed {
  readonly fields: Record<string, string>;
  readonly file: ReceivedFile | undefined;
  readonly csrf: boolean;
  readonly malformed: boolean;
}

/** Writes one file part to `path`, keeping its first bytes; stops writing at the limit (the rest is discarded). */
async function receiveFile(stream: Readable & { truncated?: boolean }, name: string, declaredType: string, path: string): Promise<ReceivedFile> {
  const chunks: Buffer[] = [];
  let kept = 0;
  let tooLarge = false;
  stream.on('data', (chunk: Buffer) => {
    if (kept < HEAD_BYTES) {
      chunks.push(chunk.subarray(0, HEAD_BYTES - kept));
      kept += Math.min(chunk.length, HEAD_BYTES - kept);
    }
  });
  stream.once('limit', () => {
    tooLarge = true;
  });
  const writer = createWriteStream(path, { flags: 'wx' });
  // A write that fails (disk full) must not stall the parser: the rest of the file is discarded.
  writer.once('error', () => {
    stream.unpipe(writer);
    stream.resume();
  });
  stream.pipe(writer);
  try {
    await finished(writer);
  } catch (error) {
    await rm(path, { force: true });
    throw error;
  }
  return { name, declaredType, path, head: new Uint8Array(Buffer.concat(chunks)), tooLarge: tooLarge || stream.truncated === true };
}

/** Parses the body; the file is written only once the CSRF token has been accepted. */
async function parse(c: Context<AppEnv>, limits: UploadLimits): Promise<Parsed> {
  const fields: Record<string, string> = {};
  let csrf = csrfAccepts(c, c.req.header(CSRF_HEADER));
  let receiving: Promise<ReceivedFile> | undefined;
  let malformed = false;
  const body = c.req.raw.body;
  if (!body) return { fields, file: undefined, csrf, malformed: true };
  const parser = busboy({
    headers: { 'content-type': c.req.header('Content-Type') ?? '' },
    limits: { files: 1, fields: 50, parts: 60, fieldSize: 64 * 1024, fileSize: limits.maxBytes },
  });
  parser.on('field', (name, value) => {
    if (name === CSRF_FIELD) csrf ||= csrfAccepts(c, value);
    else fields[name] = value;
  });
  parser.on('file', (name, stream, info) => {
    // No token yet, another field, or no file chosen (an empty part without a name): nothing is kept.
    if (!csrf || name !== FORM_FIELDS.file || receiving || info.filename === undefined || info.filename === '') {
      stream.resume();
      return;
    }
    const path = newUploadPath(limits.dataDir);
    receiving = receiveFile(stream, safeFileName(info.filename), info.mimeType, path);
    // Awaited after the body; a failed write must not be an unhandled rejection meanwhile.
    receiving.catch(() => undefined);
  });
  await mkdir(uploadsFolder(limits.dataDir), { recursive: true });
  try {
    await finished(Readable.fromWeb(body as NodeReadableStream<Uint8Array>).pipe(parser));
  } catch {
    malformed = true;
  }
  const file = await receiving;
  return { fields, file, csrf, malformed };
}

export async function readImportUpload(c: Context<AppEnv>, limits: UploadLimits): Promise<UploadReading> {
  const tr = translator(limits.locale);
  const parsed = await parse(c, limits);
  const { fields, file } = parsed;
  const refuse = async (status: 400 | 403 | 413, message: string): Promise<UploadReading> => {
    if (file) await rm(file.path, { force: true });
    return { ok: false, status, message, fields };
  };
  if (!parsed.csrf) return refuse(403, '');
  if (parsed.malformed) return refuse(400, tr('traitements.upload.unreadable'));
  if (!file) return refuse(400, tr('imports.form.missingFile'));
  if (file.tooLarge) return refuse(413, tr('traitements.upload.tooLarge', { name: file.name, max: formatSize(limits.maxBytes, limits.locale) }));
  const separator = fields[FORM_FIELDS.separator];
  if (!isSeparator(separator)) return refuse(400, tr('imports.form.badSeparator'));
  // Empty, binary, or not a CSV by its name: the same checks and messages as any upload (on the file's start).
  const checked = checkUpload(
    { name: file.name, declaredType: file.declaredType, bytes: file.head },
    { maxBytes: Number.MAX_SAFE_INTEGER, types: CSV_TYPES },
    tr('imports.form.file'),
    limits.locale,
  );
  if (!checked.ok) return refuse(400, checked.message);
  const mode = fields[FORM_FIELDS.mode];
  return {
    ok: true,
    upload: {
      fileName: checked.upload.name,
      path: file.path,
      separator,
      header: fields[FORM_FIELDS.header] !== undefined,
      simulation: fields[FORM_FIELDS.simulation] !== undefined,
      mode: isImportMode(mode) ? mode : DEFAULT_MODE,
      updateKey: fields[FORM_FIELDS.updateKey] || undefined,
      fields,
    },
  };
}
