/**
 * What goes wrong with a data source, said in French to the administrator who wrote it: a refusal
 * of the guard, or PostgreSQL's error read back (its position mapped to the author's text).
 * A `SourceError` is a `ServiceError` (400): pages show its message, never a stack trace.
 */
import { t, type Locale } from '../../i18n/index.ts';
import { ServiceError } from '../../records/errors.ts';
import type { GuardRefusal } from './guard.ts';

export class SourceError extends ServiceError {
  constructor(message: string) {
    super('bad_request', message);
  }
}

export function refusalError(refusal: GuardRefusal, locale: Locale | undefined): SourceError {
  switch (refusal.reason) {
    case 'empty':
      return new SourceError(t('sources.refusals.empty', undefined, locale));
    case 'notSelect':
      return new SourceError(t('sources.refusals.notSelect', { word: refusal.word }, locale));
    case 'forbiddenFunction':
      return new SourceError(t('sources.refusals.forbiddenFunction', { name: refusal.name }, locale));
    case 'forbiddenWord':
      return new SourceError(t('sources.refusals.forbiddenWord', { word: refusal.word }, locale));
    case 'recursiveEmbedded':
      return new SourceError(t('sources.refusals.recursiveEmbedded', undefined, locale));
    default:
      return new SourceError(t(`sources.refusals.${refusal.reason}`, { position: refusal.position }, locale));
  }
}

interface PgError {
  readonly code?: unknown;
  readonly message?: unknown;
  readonly position?: unknown;
}

const SYNTAX_ERROR = '42601';
const INSUFFICIENT_PRIVILEGE = '42501';
const QUERY_CANCELED = '57014';
const READ_ONLY_TRANSACTION = '25006';
const UNDEFINED_TABLE = '42P01';
const UNDEFINED_COLUMN = '42703';
const UNDEFINED_FUNCTION = '42883';
const INDETERMINATE_DATATYPE = '42P18';
/** Class 22: a value that does not fit (a parameter given as text where a number is compared). */
const DATA_EXCEPTION_CLASS = '22';

const isPgError = (error: unknown): error is PgError => typeof error === 'object' && error !== null && typeof (error as PgError).code === 'string';

const quotedName = (message: string) => /"([^"]+)"/.exec(message)?.[1] ?? message;

/** `permission denied for table om_session` → `om_session`. */
const deniedObject = (message: string) => /permission denied for (?:\w+ )?(.+)$/.exec(message)?.[1] ?? message;

/** PostgreSQL's English text of a value that does not fit, said in French with the value and the type. */
function dataError(message: string, locale: Locale | undefined): SourceError {
  const input = /invalid input syntax for type ([\w ]+): "(.*)"$/s.exec(message);
  if (input) return new SourceError(t('sources.errors.invalidInput', { type: input[1] ?? '', value: input[2] ?? '' }, locale));
  const range = /value "(.*)" is out of range for type ([\w ]+)$/s.exec(message);
  if (range) return new SourceError(t('sources.errors.outOfRange', { value: range[1] ?? '', type: range[2] ?? '' }, locale));
  return new SourceError(t('sources.errors.invalidValue', { detail: message }, locale));
}

/**
 * A database error while running the source, or undefined when it is not PostgreSQL's (a bug:
 * left to the error page). `positionInSource` maps a position of the executed text to the author's.
 */
export function databaseError(
  error: unknown,
  context: { timeoutMs: number; positionInSource: (position: number) => number; parameterName: (index: number) => string | undefined; locale: Locale | undefined },
): SourceError | undefined {
  if (!isPgError(error)) return undefined;
  const { locale } = context;
  const message = typeof error.message === 'string' ? error.message : '';
  const code = String(error.code);
  if (code === SYNTAX_ERROR) {
    const near = /at or near "(.*)"/.exec(message)?.[1];
    const position = Number(error.position);
    if (near !== undefined && Number.isFinite(position) && position > 0) {
      return new SourceError(t('sources.errors.syntax', { near, position: context.positionInSource(position) }, locale));
    }
    return new SourceError(t('sources.errors.syntaxNoPosition', { detail: message }, locale));
  }
  if (code === INSUFFICIENT_PRIVILEGE) return new SourceError(t('sources.errors.permission', { object: deniedObject(message) }, locale));
  if (code === QUERY_CANCELED) return new SourceError(t('sources.errors.timeout', { seconds: Math.max(1, Math.round(context.timeoutMs / 1000)) }, locale));
  if (code === READ_ONLY_TRANSACTION) return new SourceError(t('sources.errors.readOnly', undefined, locale));
  if (code === INDETERMINATE_DATATYPE) {
    const name = context.parameterName(Number(/\$(\d+)/.exec(message)?.[1] ?? 0)) ?? '';
    return new SourceError(t('sources.errors.parameterType', { name }, locale));
  }
  if (code === UNDEFINED_TABLE) return new SourceError(t('sources.errors.undefinedTable', { name: quotedName(message) }, locale));
  if (code === UNDEFINED_COLUMN) return new SourceError(t('sources.errors.undefinedColumn', { name: quotedName(message) }, locale));
  if (code === UNDEFINED_FUNCTION) return new SourceError(t('sources.errors.undefinedFunction', { name: /function (\S+)\(/.exec(message)?.[1] ?? message }, locale));
  if (code.startsWith(DATA_EXCEPTION_CLASS)) return dataError(message, locale);
  return new SourceError(t('sources.errors.other', { detail: message }, locale));
}
