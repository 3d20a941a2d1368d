/** Multi-row inserts for the demo and the benchmark generator: a few hundred rows a statement, values bound. */
import { sql } from 'kysely';
import type { Db } from '../../../framework/src/db/index.ts';

const MAX_PARAMETERS = 30_000;

/** Inserts the rows (values in the order of `columns`) into `elections.<table>`; returns the keys, in order. */
export async function insertRows(trx: Db, table: string, columns: readonly string[], rows: readonly (readonly unknown[])[]): Promise<number[]> {
  const keys: number[] = [];
  const batchSize = Math.max(1, Math.floor(MAX_PARAMETERS / columns.length));
  const columnList = sql.join(columns.map((column) => sql.id(column)));
  for (let start = 0; start < rows.length; start += batchSize) {
    const values = rows.slice(start, start + batchSize).map((row) => sql`(${sql.join(row.map((value) => sql`${value}`))})`);
    const result = await sql<Record<string, unknown>>`insert into ${sql.id('elections', table)} (${columnList}) values ${sql.join(values)}
      returning ${sql.id(table)}`.execute(trx);
    for (const row of result.rows) keys.push(Number(row[table]));
  }
  return keys;
}

/**
 * Numbers the electors (inside a transaction) of a collectivité, list by list, in alphabetical order (nom, prénoms, date
 * of birth, then id: the order of `rules/numerotation.ts`), in the list and in each bureau.
 */
export async function numberElecteurs(trx: Db, collectivite: number): Promise<void> {
  // Just filled, the table has no statistics: the planner would join the numbers to the rows by a
  // nested loop that computes the window again for each row (minutes for 20,000 rows). A hash join.
  await sql`set local enable_nestloop = off`.execute(trx);
  await sql`update elections.electeur e set numero_liste = n.numero_liste, numero_bureau = n.numero_bureau
    from (select electeur,
                 row_number() over (partition by liste order by nom collate "und-x-icu", prenoms collate "und-x-icu", date_naissance, electeur) as numero_liste,
                 case when bureau is null then null
                      else row_number() over (partition by liste, bureau order by nom collate "und-x-icu", prenoms collate "und-x-icu", date_naissance, electeur) end as numero_bureau
            from elections.electeur where om_collectivite = ${collectivite}) n
   where e.electeur = n.electeur and e.om_collectivite = ${collectivite}
     and (e.numero_liste is distinct from n.numero_liste or e.numero_bureau is distinct from n.numero_bureau)`.execute(trx);
}
