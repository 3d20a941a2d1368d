import { t, type Locale } from '../i18n/index.ts';
import type { FieldErrors } from '../model/override.ts';

export type ServiceErrorCode =
  | 'bad_request'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'stale_version'
  | 'has_children'
  | 'validation'
  | 'read_only'
  | 'unavailable_action'
  | 'count_too_long';

const STATUS: Record<ServiceErrorCode, number> = {
  bad_request: 400,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  stale_version: 409,
  has_children: 409,
  validation: 422,
  read_only: 405,
  unavailable_action: 409,
  count_too_long: 422,
};

/** A refusal of the record service, with a message for the user (from the catalogue); nothing was changed. */
export class ServiceError extends Error {
  readonly status: number;
  constructor(
    readonly code: ServiceErrorCode,
    message: string,
    readonly fields: FieldErrors = {},
  ) {
    super(message);
    this.status = STATUS[code];
  }
}

export const forbidden = (locale?: Locale) => new ServiceError('forbidden', t('records.forbidden', undefined, locale));
export const notFound = (locale?: Locale) => new ServiceError('not_found', t('records.notFound', undefined, locale));
export const badRequest = (message: string) => new ServiceError('bad_request', message);
export const invalid = (fields: FieldErrors, message?: string, locale?: Locale) =>
  new ServiceError('validation', message ?? t('records.invalidForm', undefined, locale), fields);
