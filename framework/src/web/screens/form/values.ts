/**
 * A form's values: what the inputs show (strings, French formats), read from a record or from
 * the posted body, and what is sent to the record service.
 */
import type { Row } from '../../../db/connection.ts';
import type { Locale } from '../../../i18n/index.ts';
import { displayValue, sanitizeRichText } from '../shared/index.ts';
import { FALSE_VALUE, TRUE_VALUE, type FormField } from './fields.ts';

/** A posted form, as `c.req.parseBody()` gives it. */
export type FormBody = Record<string, string | File>;

/** Input values as strings, by field name. */
export type FormValues = Record<string, string>;

const TRUE_WORDS = new Set([TRUE_VALUE, 't', '1', 'on', 'oui']);

export const isChecked = (value: string | undefined) => value !== undefined && TRUE_WORDS.has(value.toLowerCase());

/** The text an input shows for a stored value (dates JJ/MM/AAAA, decimal comma, HH:MM). */
export function inputText(field: FormField, value: unknown, locale: Locale): string {
  if (value === null || value === undefined) return '';
  const meta = field.field;
  if (!meta) return String(value);
  if (meta.kind === 'boolean') return value === true || value === 't' || value === 'true' ? TRUE_VALUE : FALSE_VALUE;
  if (meta.kind === 'json' || meta.kind === 'array') return typeof value === 'string' ? value : JSON.stringify(value);
  if (meta.kind === 'text' || meta.kind === 'uuid' || meta.kind === 'enum' || meta.kind === 'integer' || meta.kind === 'bigint') return String(value);
  return displayValue(meta, value, locale, { grouped: false });
}

/** The inputs' values for a stored record (passwords never). */
export function valuesFromRecord(fields: readonly FormField[], record: Row, locale: Locale): FormValues {
  const values: FormValues = {};
  for (const field of fields) {
    if (field.widget === 'password') continue;
    values[field.name] = inputText(field, record[field.name], locale);
  }
  return values;
}

const SIMPLE_DEFAULT = /^'((?:[^']|'')*)'(?:::[\w. "]+)?$|^\(?(-?\d+(?:\.\d+)?)\)?(?:::[\w ]+)?$|^(true|false)$/i;

/** An add form starts with the column defaults that are plain constants (`true`, `0`, `'brouillon'`). */
export function defaultValues(fields: readonly FormField[], locale: Locale): FormValues {
  const values: FormValues = {};
  for (const field of fields) {
    const match = field.field?.defaultSql ? SIMPLE_DEFAULT.exec(field.field.defaultSql.trim()) : null;
    if (!match) continue;
    const constant = match[1] !== undefined ? match[1].replaceAll("''", "'") : (match[2] ?? match[3]?.toLowerCase());
    if (constant !== undefined) values[field.name] = inputText(field, field.field?.kind === 'boolean' ? constant === 'true' : constant, locale);
  }
  return values;
}

/** What the user typed, to show it again with the errors (passwords never). */
export function valuesFromBody(fields: readonly FormField[], body: FormBody): FormValues {
  const values: FormValues = {};
  for (const field of fields) {
    if (field.widget === 'password' || field.locked) continue;
    const raw = body[field.name];
    if (field.widget === 'checkbox') values[field.name] = typeof raw === 'string' && raw !== '' ? TRUE_VALUE : FALSE_VALUE;
    else if (typeof raw === 'string') values[field.name] = raw;
  }
  return values;
}

/**
 * The service's input from the posted form: only the fields the form shows and may change.
 * A checkbox not sent is « Non »; an empty password or extra input changes nothing; on create, an
 * empty field with a database default takes that default; rich text is sanitised. File fields are
 * left to the upload treatment. `initial` (edit): what the form showed; unchanged fields are not sent.
 */
export function inputFromBody(fields: readonly FormField[], body: FormBody, creating: boolean, initial: FormValues = {}): Row {
  const input: Row = {};
  for (const field of fields) {
    if (field.locked || field.widget === 'file' || field.widget === 'static') continue;
    const raw = body[field.name];
    if (field.widget === 'checkbox') {
      const checked = typeof raw === 'string' && raw !== '';
      if (initial[field.name] === undefined || isChecked(initial[field.name]) !== checked) input[field.name] = checked;
      continue;
    }
    if (typeof raw !== 'string') continue;
    // Unchanged since the form was shown: not sent (a value shown rounded or in local time is not rewritten).
    if (initial[field.name] !== undefined && raw === initial[field.name]) continue;
    if (raw === '' && (field.widget === 'password' || field.field === undefined)) continue;
    if (raw === '' && creating && field.field?.hasDefault) continue;
    input[field.name] = field.widget === 'richtext' ? sanitizeRichText(raw) : raw;
  }
  return input;
}
