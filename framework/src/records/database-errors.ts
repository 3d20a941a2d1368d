import { t, type Locale } from '../i18n/index.ts';
import type { TableMeta } from '../model/types.ts';
import { ServiceError } from './errors.ts';
import { INVALID_BYTE_SEQUENCE, UNSUPPORTED_UNICODE_ESCAPE } from '../db/nul-bytes.ts';

interface PgError {
  code?: unknown;
  constraint?: unknown;
  column?: unknown;
}

const isPgError = (error: unknown): error is PgError =>
  typeof error === 'object' && error !== null && typeof (error as PgError).code === 'string';

/**
 * Turns a constraint violation that the checks could not see coming (rows of another collectivité,
 * a concurrent insert, a CHECK constraint) into a message for the user, in `locale`. Anything
 * else is rethrown.
 */
export function translateDatabaseError(error: unknown, table: TableMeta, locale?: Locale): never {
  if (!isPgError(error)) throw error;
  const column = typeof error.column === 'string' ? table.fields.find((field) => field.name === error.column) : undefined;
  switch (error.code) {
    case '23505':
      throw new ServiceError('conflict', t('records.database.duplicate', undefined, locale));
    case '23503':
      throw new ServiceError('has_children', t('records.database.linked', undefined, locale));
    case '23502':
      throw new ServiceError('validation', t('records.rules.required', { label: column?.label ?? String(error.column) }, locale));
    case '23514':
    case '23P01':
      throw new ServiceError('validation', t('records.database.rule', undefined, locale));
    case '22001':
      throw new ServiceError('validation', t('records.database.tooLong', undefined, locale));
    case '22003':
      throw new ServiceError('validation', t('records.database.numberTooBig', undefined, locale));
    case '22P02':
    case '22007':
    case '22008':
      throw new ServiceError('validation', t('records.database.format', undefined, locale));
    // A NUL byte the input checks did not see (the last safety net: nothing was written).
    case INVALID_BYTE_SEQUENCE:
    case UNSUPPORTED_UNICODE_ESCAPE:
      throw new ServiceError('validation', t('inputChecks.nul.body', undefined, locale));
    case '42501':
      throw new ServiceError('forbidden', t('records.database.forbidden', undefined, locale));
    default:
      throw error;
  }
}

/** The refusal a database error stands for (see `translateDatabaseError`); anything else is rethrown. */
export function databaseRefusal(error: unknown, table: TableMeta, locale?: Locale): ServiceError {
  try {
    return translateDatabaseError(error, table, locale);
  } catch (translated) {
    if (translated instanceof ServiceError) return translated;
    throw translated;
  }
}
