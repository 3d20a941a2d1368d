import { sql, type RawBuilder } from 'kysely';
import type { Actor } from '../access/actor.ts';
import { isSystem } from '../access/actor.ts';
import type { RegisteredObject } from '../model/registry.ts';

const column = (name: string) => sql.ref(`t.${name}`);

/** Conditions every read of the object shares, on alias `t`: collectivité and, unless asked, validity. */
export function scopeConditions(object: RegisteredObject, actor: Actor, includeExpired: boolean): RawBuilder<unknown>[] {
  const conditions: RawBuilder<unknown>[] = [];
  const { tenantColumn, validity } = object.meta;
  if (tenantColumn && !isSystem(actor) && actor.niveau !== '2') {
    conditions.push(sql`${column(tenantColumn)} = ${actor.collectivite}`);
  }
  const extra = isSystem(actor) ? undefined : object.override.scope?.(actor);
  if (extra) conditions.push(extra);
  if (validity && !includeExpired) {
    const start = column(validity.start);
    const end = column(validity.end);
    conditions.push(sql`(${start} is null or ${start} <= current_date) and (${end} is null or ${end} > current_date)`);
  }
  return conditions;
}
