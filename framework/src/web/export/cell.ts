/**
 * What a printed listing's cell shows: the referenced row's label for a foreign key, a fixed
 * choice's label, else the value as the screens show it (Oui/Non, JJ/MM/AAAA, decimal comma,
 * timestamps on the town's clock), on one paragraph.
 */
import type { Actor } from '../../access/actor.ts';
import type { Locale } from '../../i18n/index.ts';
import type { RegisteredObject } from '../../model/registry.ts';
import type { FieldMeta } from '../../model/types.ts';
import type { Row } from '../../db/connection.ts';
import { LABEL_SUFFIX } from '../../records/index.ts';
import { repeatsOwnCollectivite, visibleFields } from '../../records/visible-fields.ts';
import { displayValue } from '../screens/shared/index.ts';
import { referenceOf } from '../../model/references.ts';

export interface PrintedColumn {
  readonly field: FieldMeta;
  readonly header: string;
  readonly text: (row: Row) => string;
}

/**
 * The fields a user may see in an export: the object's visible fields, without the collectivité
 * for a niveau-1 user (it would repeat their own on every row, as the listing screen does).
 */
export function exportableFields(object: RegisteredObject, actor: Actor): Map<string, FieldMeta> {
  const fields = visibleFields(object).filter((field) => !repeatsOwnCollectivite(object, field, actor));
  return new Map(fields.map((field) => [field.name, field]));
}

const oneParagraph = (text: string) => text.replace(/\s+/g, ' ').trim();

export function printedColumn(object: RegisteredObject, field: FieldMeta, locale: Locale): PrintedColumn {
  const labelled = referenceOf(object.meta, field.name) !== undefined;
  const choices = object.override.screens?.choices?.[field.name];
  const text = (row: Row): string => {
    const label = labelled ? row[`${field.name}${LABEL_SUFFIX}`] : undefined;
    if (label !== undefined && label !== null && label !== '') return oneParagraph(String(label));
    const value = row[field.name];
    const choice = value === null || value === undefined ? undefined : choices?.find((candidate) => candidate.value === String(value));
    return oneParagraph(choice ? choice.label : displayValue(field, value, locale));
  };
  return { field, header: field.label, text };
}
