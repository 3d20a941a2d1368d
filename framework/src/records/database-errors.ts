import { t, type Locale } from '../i18n/index.ts';
import type { Registry } from '../model/registry.ts';
import type { TableMeta } from '../model/types.ts';
import { invalid, ServiceError } from './errors.ts';
import { INVALID_BYTE_SEQUENCE, UNSUPPORTED_UNICODE_ESCAPE } from '../db/nul-bytes.ts';

interface PgError {
  code?: unknown;
  constraint?: unknown;
  column?: unknown;
  schema?: unknown;
  table?: unknown;
}

/**
 * Raised by the triggers of migration 0008 (a reference between collectivités): the referencing row
 * names another collectivité's row (the session sees every collectivité, or a session scoped to one,
 * to which that row is invisible), or a referenced row changes collectivité under its children.
 */
const OTHER_COLLECTIVITE = '23C01';
const REFERENCED_BY_OTHER_COLLECTIVITE = '23C02';
const INVISIBLE_REFERENCE = '23C03';

/** The refusal of a reference between collectivités, on the field the trigger names when it is this table's. */
function collectiviteRefusal(error: PgError, table: TableMeta, registry: Registry | undefined, locale: Locale | undefined): ServiceError {
  const source = typeof error.schema === 'string' && typeof error.table === 'string' ? { schema: error.schema, table: error.table } : undefined;
  if (error.code === REFERENCED_BY_OTHER_COLLECTIVITE) {
    const label = (source && registry?.bySchemaTable(source.schema, source.table)?.meta.label) ?? source?.table ?? '';
    const message = t('records.database.referencedByOtherCollectivite', { table: label }, locale);
    return table.tenantColumn ? invalid({ [table.tenantColumn]: message }, message, locale) : new ServiceError('validation', message);
  }
  const own = source?.schema === table.schema && source.table === table.name;
  const field = own ? table.fields.find((candidate) => candidate.name === error.column) : undefined;
  const invisible = error.code === INVISIBLE_REFERENCE;
  if (!field) return new ServiceError('validation', t(invisible ? 'records.database.reference' : 'records.database.otherCollectivite', undefined, locale));
  const key = invisible ? 'records.rules.reference' : 'records.rules.otherCollectivite';
  return invalid({ [field.name]: t(key, { label: field.label }, locale) }, undefined, locale);
}

const isPgError = (error: unknown): error is PgError =>
  typeof error === 'object' && error !== null && typeof (error as PgError).code === 'string';

/**
 * Turns a constraint violation that the checks could not see coming (rows of another collectivité,
 * a concurrent insert, a CHECK constraint, a reference between collectivités written by a hook)
 * into a message for the user, in `locale` (`registry` names the tables). Anything else is rethrown.
 */
export function translateDatabaseError(error: unknown, table: TableMeta, locale?: Locale, registry?: Registry): never {
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
    case OTHER_COLLECTIVITE:
    case REFERENCED_BY_OTHER_COLLECTIVITE:
    case INVISIBLE_REFERENCE:
      throw collectiviteRefusal(error, table, registry, locale);
    default:
      throw error;
  }
}

/** The refusal a database error stands for (see `translateDatabaseError`); anything else is rethrown. */
export function databaseRefusal(error: unknown, table: TableMeta, locale?: Locale, registry?: Registry): ServiceError {
  try {
    return translateDatabaseError(error, table, locale, registry);
  } catch (translated) {
    if (translated instanceof ServiceError) return translated;
    throw translated;
  }
}
