/**
 * The verrou of a défunt (rule §4.5): set while an active operation concerns it, so that it is not
 * changed from the emplacement meanwhile; cleared when it leaves the operation, or the operation
 * is cancelled or validated.
 */
import { sql } from 'kysely';
import type { Actor } from '../../../../framework/src/access/actor.ts';
import type { Db } from '../../../../framework/src/db/connection.ts';
import { modifierDefunt } from './audit.ts';

export async function verrouiller(trx: Db, actor: Actor, defunt: number, verrou: boolean): Promise<void> {
  await modifierDefunt(trx, actor, defunt, sql`verrou = ${verrou}`);
}

/** Clears the verrou of every défunt of the operation. */
export async function deverrouiller(trx: Db, actor: Actor, operation: unknown): Promise<void> {
  const result = await sql<{ defunt: number }>`select od.defunt from cimetiere.operation_defunt od
      join cimetiere.defunt d on d.defunt = od.defunt where od.operation = ${Number(operation)} and d.verrou`.execute(trx);
  for (const row of result.rows) await verrouiller(trx, actor, Number(row.defunt), false);
}
