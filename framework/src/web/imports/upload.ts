/**
 * The import form as posted: the file (checked like any upload: not empty, not too large, text
 * that is CSV or plain text by its name and content), the separator, the header line and the
 * simulation. A refusal is a French message; nothing is started.
 */
import { checkUpload } from '../../files/index.ts';
import { translator, type Locale } from '../../i18n/index.ts';
import { isSeparator, type Separator } from '../../imports/index.ts';

export const FORM_FIELDS = {
  file: 'fichier',
  separator: 'separateur',
  header: 'entete',
  simulation: 'simulation',
} as const;

const CSV_TYPES = ['text/csv', 'text/plain'];

export interface ImportUpload {
  readonly fileName: string;
  readonly bytes: Uint8Array;
  readonly separator: Separator;
  readonly header: boolean;
  readonly simulation: boolean;
}

export type UploadReading = { readonly ok: true; readonly upload: ImportUpload } | { readonly ok: false; readonly message: string };

type Body = Record<string, string | File | (string | File)[]>;

const single = (value: Body[string] | undefined) => (Array.isArray(value) ? value[0] : value);
/** A browser sends an empty part without a name when no file was chosen. */
const chosenFile = (value: unknown): File | undefined => (value instanceof File && (value.name !== '' || value.size > 0) ? value : undefined);

export async function readUpload(body: Body, maxBytes: number, locale: Locale): Promise<UploadReading> {
  const tr = translator(locale);
  const file = chosenFile(single(body[FORM_FIELDS.file]));
  if (!file) return { ok: false, message: tr('imports.form.missingFile') };
  const separator = single(body[FORM_FIELDS.separator]);
  if (!isSeparator(separator)) return { ok: false, message: tr('imports.form.badSeparator') };
  const checked = checkUpload(
    { name: file.name, declaredType: file.type, bytes: new Uint8Array(await file.arrayBuffer()) },
    { maxBytes, types: CSV_TYPES },
    tr('imports.form.file'),
    locale,
  );
  if (!checked.ok) return { ok: false, message: checked.message };
  return {
    ok: true,
    upload: {
      fileName: checked.upload.name,
      bytes: checked.upload.bytes,
      separator,
      header: single(body[FORM_FIELDS.header]) !== undefined,
      simulation: single(body[FORM_FIELDS.simulation]) !== undefined,
    },
  };
}
