/**
 * The columns of a listing and what each cell shows: the override's `listColumns`, else every
 * readable field that reads well in a table; a foreign key shows the referenced row's label (the
 * record service fetches it in the same query).
 */
import type { Actor } from '../../../access/actor.ts';
import type { Locale } from '../../../i18n/index.ts';
import type { RegisteredObject } from '../../../model/registry.ts';
import type { Choice } from '../../../model/override.ts';
import type { FieldKind, FieldMeta } from '../../../model/types.ts';
import { isSortableKind } from '../../../records/list-plan.ts';
import { LABEL_SUFFIX } from '../../../records/select.ts';
import { repeatsOwnCollectivite, visibleField, visibleFields } from '../../../records/visible-fields.ts';
import { displayValue, isNumeric } from '../shared/index.ts';
import { referenceColumns } from '../../../model/references.ts';

export interface ListColumn {
  readonly field: FieldMeta;
  readonly label: string;
  readonly numeric: boolean;
  readonly sortable: boolean;
  readonly email: boolean;
  readonly richText: boolean;
  /** A file field declared with `preview`: the cell shows the image. */
  readonly image: boolean;
  /** Fixed choices of the field (`screens.choices`): a cell shows the choice's label. */
  readonly choices: readonly Choice[] | undefined;
  /** The row's column holding the referenced row's label (single-column foreign keys). */
  readonly labelKey: string | undefined;
}

/** Shown only when the override lists them: they do not read as one line of a table. */
const UNLISTED_KINDS: ReadonlySet<FieldKind> = new Set<FieldKind>(['geometry', 'bytea', 'json']);
const EMAIL_NAME = /(^|_)(e?mail|courriel)(_|$)/i;
const MAX_CELL_LENGTH = 120;

export function listColumns(object: RegisteredObject, actor: Actor, fixed: Readonly<Record<string, string>>): ListColumn[] {
  const screens = object.override.screens;
  const declared = screens?.listColumns;
  const fields = declared
    ? declared.map((name) => visibleField(object, name)).filter((field): field is FieldMeta => field !== undefined)
    : visibleFields(object).filter(
        (field) =>
          !UNLISTED_KINDS.has(field.kind) &&
          !repeatsOwnCollectivite(object, field, actor),
      );
  const labelled = referenceColumns(object.meta);
  return fields
    .filter((field) => !Object.hasOwn(fixed, field.name))
    .map((field) => ({
      field,
      label: screens?.labels?.[field.name] ?? field.label,
      // A foreign key shows a label: text, not a number.
      numeric: isNumeric(field) && !labelled.has(field.name),
      sortable: isSortableKind(field.kind),
      email: screens?.widgets?.[field.name] === 'email' || (field.kind === 'text' && EMAIL_NAME.test(field.name)),
      richText: screens?.widgets?.[field.name] === 'richtext' || screens?.widgets?.[field.name] === 'template',
      image: screens?.fileFields?.[field.name]?.preview === true,
      choices: screens?.choices?.[field.name],
      labelKey: labelled.has(field.name) ? `${field.name}${LABEL_SUFFIX}` : undefined,
    }));
}

/** Rich text as one line: tags dropped (the cell is escaped text anyway), spaces collapsed. */
const plainText = (html: string) =>
  html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();

const shortened = (text: string) => (text.length > MAX_CELL_LENGTH ? `${text.slice(0, MAX_CELL_LENGTH - 1).trimEnd()}…` : text);

/** The text of a cell: the referenced row's label, else the value as the screens show it. */
export function cellText(column: ListColumn, row: Readonly<Record<string, unknown>>, locale: Locale): string {
  const label = column.labelKey === undefined ? undefined : row[column.labelKey];
  if (label !== undefined && label !== null && label !== '') return shortened(String(label));
  const value = row[column.field.name];
  const choice = column.choices?.find((candidate) => candidate.value === String(value));
  if (choice) return shortened(choice.label);
  const text = displayValue(column.field, value, locale);
  return shortened(column.richText ? plainText(text) : text);
}

const EMAIL = /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/;

/** The `mailto:` address of an e-mail cell, when the value is one. */
export function mailto(column: ListColumn, row: Readonly<Record<string, unknown>>): string | undefined {
  if (!column.email) return undefined;
  const value = row[column.field.name];
  return typeof value === 'string' && EMAIL.test(value) ? `mailto:${value}` : undefined;
}
