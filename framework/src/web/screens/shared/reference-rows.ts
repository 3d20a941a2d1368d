/**
 * The rows a foreign key points to, for a choice list (the listing's advanced search, a stored
 * query's criterion): read through the record service as the user, sorted by the target's label,
 * or why they cannot be offered.
 */
import type { Actor } from '../../../access/actor.ts';
import { can } from '../../../access/permissions.ts';
import type { Row } from '../../../db/connection.ts';
import { referenceOf } from '../../../model/references.ts';
import type { RegisteredObject } from '../../../model/registry.ts';
import type { FieldMeta, ForeignKeyMeta } from '../../../model/types.ts';
import { ServiceError } from '../../../records/errors.ts';
import { listRecords, type ReadDeps } from '../../../records/read.ts';
import { visibleField } from '../../../records/visible-fields.ts';

export type ReferenceRows =
  | {
      readonly kind: 'rows';
      readonly target: RegisteredObject;
      /** The referenced column: a choice's value. */
      readonly targetColumn: string;
      /** The target's label column, when the user may see it. */
      readonly labelField: FieldMeta | undefined;
      readonly rows: readonly Row[];
    }
  /** Not a foreign key, an unregistered target, or one the user may not list. */
  | { readonly kind: 'unlisted'; readonly reference: ForeignKeyMeta | undefined; readonly target: RegisteredObject | undefined }
  /** More than `max` rows: too many for a list. */
  | { readonly kind: 'tooMany'; readonly reference: ForeignKeyMeta; readonly target: RegisteredObject };

export async function referenceRows(deps: ReadDeps, actor: Actor, object: RegisteredObject, field: FieldMeta, max: number): Promise<ReferenceRows> {
  const reference = referenceOf(object.meta, field.name);
  const targetColumn = reference?.targetColumns[0];
  const target = reference && deps.registry.bySchemaTable(reference.target.schema, reference.target.table);
  if (!reference || !target || !targetColumn || !can(actor, target, 'tab')) return { kind: 'unlisted', reference, target };
  const labelField = visibleField(target, target.meta.labelColumn);
  try {
    // Expired rows too: one may look for the records that still point to them.
    const result = await listRecords(deps, actor, target, { perPage: max + 1, count: 'none', sort: labelField?.name, includeExpired: true });
    if (result.rows.length > max) return { kind: 'tooMany', reference, target };
    return { kind: 'rows', target, targetColumn, labelField, rows: result.rows };
  } catch (error) {
    // The target cannot be listed this way (no readable label…): the key is typed.
    if (error instanceof ServiceError) return { kind: 'unlisted', reference, target };
    throw error;
  }
}
