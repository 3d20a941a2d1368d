/**
 * PostgreSQL cannot store the NUL character (U+0000) in text nor in jsonb: a value holding one
 * fails inside the database (« invalid byte sequence », a 500). It is refused here, as bad input,
 * before anything reaches SQL.
 */

/** SQLSTATE of « invalid byte sequence for encoding » (a NUL byte that escaped the checks). */
export const INVALID_BYTE_SEQUENCE = '22021';
/** SQLSTATE of « unsupported Unicode escape sequence » (`\u0000` inside jsonb). */
export const UNSUPPORTED_UNICODE_ESCAPE = '22P05';

const MAX_DEPTH = 64;

/** Whether `value` (a string, or strings nested in arrays and objects, keys included) holds U+0000. */
export function holdsNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (value === null || typeof value !== 'object' || value instanceof Uint8Array || depth > MAX_DEPTH) return false;
  if (Array.isArray(value)) return value.some((item) => holdsNul(item, depth + 1));
  return Object.entries(value).some(([key, item]) => key.includes('\u0000') || holdsNul(item, depth + 1));
}
