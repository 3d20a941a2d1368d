import { t, type Locale } from '../i18n/index.ts';
import type { FieldKind, FieldMeta } from '../model/types.ts';
import { TIME_ZONE } from '../config/time-zone.ts';
import { holdsNul } from '../db/nul-bytes.ts';
import { readGeometryInput } from '../maps/geometry-input.ts';

/** The result of reading one input value: a database-ready value, or a message for the user. */
export type Coerced = { ok: true; value: unknown } | { ok: false; message: string };

type InputMessage = 'integer' | 'numberTooBig' | 'decimal' | 'boolean' | 'json' | 'list' | 'date' | 'time' | 'timestamp' | 'uuid' | 'base64' | 'unexpectedType';

const ok = (value: unknown): Coerced => ({ ok: true, value });
/** `Le champ « Nom » doit être…`: a message of `records.input` about the field. */
const fail = (field: FieldMeta, what: InputMessage, locale: Locale | undefined): Coerced => ({
  ok: false,
  message: t(`records.input.${what}`, { label: field.label }, locale),
});
const refuse = (message: string): Coerced => ({ ok: false, message });

const INT4 = 2_147_483_647;
const TRUE_WORDS = new Set(['true', 't', '1', 'oui', 'o', 'on', 'yes', 'vrai']);
const FALSE_WORDS = new Set(['false', 'f', '0', 'non', 'n', 'off', 'no', 'faux']);

function isoDate(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** `JJ/MM/AAAA`, `JJMMAAAA`, `JJ-MM-AAAA`, `JJ.MM.AAAA` or ISO `AAAA-MM-JJ` → `AAAA-MM-JJ`. */
export function parseFrenchDate(text: string): string | undefined {
  const value = text.trim();
  let match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value) ?? /^(\d{2})(\d{2})(\d{4})$/.exec(value);
  if (match) return isoDate(Number(match[3]), Number(match[2]), Number(match[1]));
  match = /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/.exec(value);
  if (match) return isoDate(Number(match[1]), Number(match[2]), Number(match[3]));
  return undefined;
}

function parseTime(text: string): string | undefined {
  const match = /^(\d{1,2})[:hH](\d{2})(?::(\d{2}))?$/.exec(text.trim());
  if (!match) return undefined;
  const [hours, minutes, seconds] = [Number(match[1]), Number(match[2]), Number(match[3] ?? 0)];
  if (hours > 23 || minutes > 59 || seconds > 59) return undefined;
  return [hours, minutes, seconds].map((part) => String(part).padStart(2, '0')).join(':');
}

function parseTimestamp(text: string): string | undefined {
  const value = text.trim();
  const french = /^(\S+)[ T](\d{1,2}[:hH]\d{2}(?::\d{2})?)$/.exec(value);
  if (french) {
    const date = parseFrenchDate(french[1] ?? '');
    const time = parseTime(french[2] ?? '');
    if (date && time) return `${date} ${time}`;
  }
  const date = parseFrenchDate(value);
  if (date && value.length <= 10) return `${date} 00:00:00`;
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/.test(value) && !Number.isNaN(Date.parse(value))) {
    return value;
  }
  return undefined;
}

function coerceTimestamp(field: FieldMeta, raw: unknown, locale: Locale | undefined): Coerced {
  const value = raw instanceof Date ? raw.toISOString() : parseTimestamp(String(raw));
  return value ? ok(value) : fail(field, 'timestamp', locale);
}

function coerceInteger(field: FieldMeta, raw: unknown, limit: number, locale: Locale | undefined): Coerced {
  const text = typeof raw === 'number' ? String(raw) : String(raw).replace(/[\s\u202f\u00a0]/g, '');
  if (!/^[+-]?\d+$/.test(text)) return fail(field, 'integer', locale);
  const value = Number(text);
  if (!Number.isSafeInteger(value) || Math.abs(value) > limit) return fail(field, 'numberTooBig', locale);
  return ok(value);
}

function coerceDecimal(field: FieldMeta, raw: unknown, locale: Locale | undefined): Coerced {
  const text = typeof raw === 'number' ? String(raw) : String(raw).replace(/[\s\u202f\u00a0]/g, '').replace(',', '.');
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(text)) return fail(field, 'decimal', locale);
  const [integerPart = '', fraction = ''] = text.replace(/^[+-]/, '').split('.');
  if (field.scale !== undefined && fraction.replace(/0+$/, '').length > field.scale) {
    return refuse(t('records.input.decimals', { label: field.label, scale: field.scale }, locale));
  }
  if (field.precision !== undefined && integerPart.replace(/^0+/, '').length > field.precision - (field.scale ?? 0)) {
    return fail(field, 'numberTooBig', locale);
  }
  return ok(field.kind === 'float' ? Number(text) : text);
}

function coerceBoolean(field: FieldMeta, raw: unknown, locale: Locale | undefined): Coerced {
  if (typeof raw === 'boolean') return ok(raw);
  const word = String(raw).trim().toLowerCase();
  if (TRUE_WORDS.has(word)) return ok(true);
  if (FALSE_WORDS.has(word)) return ok(false);
  return fail(field, 'boolean', locale);
}

function coerceJson(field: FieldMeta, raw: unknown, locale: Locale | undefined): Coerced {
  if (typeof raw !== 'string') return ok(JSON.stringify(raw));
  try {
    // `"\u0000"` written as an escape: jsonb refuses it as it refuses the character itself.
    if (holdsNul(JSON.parse(raw))) return refuse(t('inputChecks.nul.field', { label: field.label }, locale));
    return ok(raw);
  } catch {
    return fail(field, 'json', locale);
  }
}

function coerceArray(field: FieldMeta, raw: unknown, locale: Locale | undefined): Coerced {
  let items: unknown[];
  if (Array.isArray(raw)) items = raw;
  else if (typeof raw === 'string' && raw.trim().startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(raw);
      if (!Array.isArray(parsed)) return fail(field, 'list', locale);
      items = parsed;
    } catch {
      return fail(field, 'list', locale);
    }
  } else items = String(raw).split(/[;,]/).map((item) => item.trim()).filter((item) => item !== '');
  const element: FieldMeta = { ...field, kind: field.elementKind ?? 'text' };
  const values: unknown[] = [];
  for (const item of items) {
    const result = coerceValue(element, item, locale);
    if (!result.ok) return result;
    values.push(result.value);
  }
  return ok(values);
}

const BY_KIND: Partial<Record<FieldKind, (field: FieldMeta, raw: unknown, locale: Locale | undefined) => Coerced>> = {
  integer: (field, raw, locale) => coerceInteger(field, raw, INT4, locale),
  bigint: (field, raw, locale) => coerceInteger(field, raw, Number.MAX_SAFE_INTEGER, locale),
  decimal: coerceDecimal,
  float: coerceDecimal,
  boolean: coerceBoolean,
  date: (field, raw, locale) => {
    const value = parseFrenchDate(String(raw));
    return value ? ok(value) : fail(field, 'date', locale);
  },
  time: (field, raw, locale) => {
    const value = parseTime(String(raw));
    return value ? ok(value) : fail(field, 'time', locale);
  },
  timestamp: (field, raw, locale) => coerceTimestamp(field, raw, locale),
  uuid: (field, raw, locale) =>
    /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(String(raw).trim())
      ? ok(String(raw).trim().toLowerCase())
      : fail(field, 'uuid', locale),
  json: coerceJson,
  // GeoJSON, or WKT/EWKT typed in a form's text field.
  geometry: (field, raw, locale) => {
    const input = readGeometryInput(field, raw, locale);
    return input.ok ? ok(input.value) : refuse(input.message);
  },
  array: coerceArray,
  enum: (field, raw, locale) =>
    field.enumValues?.includes(String(raw))
      ? ok(String(raw))
      : refuse(t('records.input.enum', { label: field.label, values: (field.enumValues ?? []).join(', ') }, locale)),
  bytea: (field, raw, locale) => {
    if (raw instanceof Uint8Array) return ok(raw);
    const text = String(raw);
    return /^[A-Za-z0-9+/=\s]*$/.test(text) ? ok(Buffer.from(text, 'base64')) : fail(field, 'base64', locale);
  },
};
// A moment typed without a zone is a time of the town's clock, not of the server's.
BY_KIND.timestamptz = (field, raw, locale) => {
  const coerced = coerceTimestamp(field, raw, locale);
  if (!coerced.ok || typeof coerced.value !== 'string' || /(Z|[+-]\d{2}:?\d{2})$/.test(coerced.value)) return coerced;
  return ok(`${coerced.value} ${TIME_ZONE}`);
};

/**
 * Reads one input value for a field. `undefined` stays undefined (not provided); an empty string
 * and null become null (the required rule decides whether that is allowed). A refusal is worded
 * in `locale` (default: the process language).
 */
export function coerceValue(field: FieldMeta, raw: unknown, locale?: Locale): Coerced {
  if (raw === undefined) return ok(undefined);
  if (holdsNul(raw)) return refuse(t('inputChecks.nul.field', { label: field.label }, locale));
  if (raw === null || (typeof raw === 'string' && raw.trim() === '' && field.kind !== 'text')) return ok(null);
  if (typeof raw === 'string' && raw === '') return ok(null);
  if (typeof raw === 'object' && !(raw instanceof Uint8Array) && !['json', 'geometry', 'array'].includes(field.kind)) {
    return fail(field, 'unexpectedType', locale);
  }
  const special = BY_KIND[field.kind];
  if (special) return special(field, raw, locale);
  const text = String(raw);
  // Single-line text (varchar, char) is trimmed, as users expect; long text is kept as typed.
  return ok(field.maxLength !== undefined ? text.trim() : text);
}
