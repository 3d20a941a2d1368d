import type { WidgetKind } from './override.ts';
import type { FieldMeta } from './types.ts';

const EMAIL_NAMES = new Set(['email', 'courriel', 'mail', 'adresse_mail', 'adresse_email']);

/**
 * The widget a field gets from its type when its override names none: the form screen uses it, and
 * the generator writes it into the form facts of `gen/`.
 */
export function defaultWidget(field: FieldMeta, isReference: boolean): WidgetKind {
  if (isReference || field.kind === 'enum') return 'select';
  switch (field.kind) {
    case 'integer':
    case 'bigint':
      return 'integer';
    case 'decimal':
    case 'float':
      return 'decimal';
    case 'boolean':
      return field.notNull ? 'checkbox' : 'select';
    case 'date':
      return 'date';
    case 'time':
      return 'time';
    case 'timestamp':
    case 'timestamptz':
      return 'datetime';
    case 'json':
      return 'textarea';
    case 'geometry':
      return 'geometry';
    case 'bytea':
    case 'other':
      return 'static';
    case 'text':
      if (EMAIL_NAMES.has(field.name)) return 'email';
      return field.maxLength === undefined ? 'textarea' : 'text';
    default:
      return 'text';
  }
}
