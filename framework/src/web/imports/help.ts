/** The help table's words for a column: its type (and length), and the values it accepts. */
import type { Translate } from '../../i18n/index.ts';
import type { ImportFieldSpec } from '../../model/specs.ts';
import type { Registry } from '../../model/registry.ts';

export function typeOf(field: ImportFieldSpec, tr: Translate): string {
  const type = tr(`imports.kinds.${field.kind}`);
  return field.maxLength === undefined ? type : tr('imports.spec.typeWithLength', { type, length: field.maxLength });
}

/** The target's name as users know it (its listing's label), else its table. */
function targetLabel(field: ImportFieldSpec, registry: Registry): string {
  const reference = field.reference;
  if (!reference) return '';
  return registry.bySchemaTable(reference.schema, reference.table)?.meta.label ?? `${reference.schema}.${reference.table}`;
}

export function acceptedValues(field: ImportFieldSpec, registry: Registry, tr: Translate): string {
  const reference = field.reference;
  if (reference) {
    const params = { target: targetLabel(field, registry), column: reference.column };
    return reference.labelColumn && reference.labelColumn !== reference.column
      ? tr('imports.accepted.reference', { ...params, labelColumn: reference.labelColumn })
      : tr('imports.accepted.referenceKey', params);
  }
  switch (field.kind) {
    case 'enum':
      return tr('imports.accepted.enum', { values: (field.enumValues ?? []).join(', ') });
    case 'date':
      return tr('imports.accepted.date');
    case 'boolean':
      return tr('imports.accepted.boolean');
    case 'timestamp':
    case 'timestamptz':
      return tr('imports.accepted.timestamp');
    case 'time':
      return tr('imports.accepted.time');
    case 'integer':
    case 'bigint':
      return tr('imports.accepted.integer');
    case 'decimal':
    case 'float':
      return tr('imports.accepted.decimal');
    case 'array':
      return tr('imports.accepted.array');
    case 'text':
      return field.maxLength === undefined ? '' : tr('imports.accepted.text', { max: field.maxLength });
    default:
      return '';
  }
}
