/** Helpers of the batch tests: a statement counter, and the collectivité policy of a test schema. */
import type { KyselyPlugin } from 'kysely';

/** Counts the statements a Kysely instance sends (raw SQL included): `db.withPlugin(counter.plugin)`. */
export function statementCounter(): { readonly plugin: KyselyPlugin; count(): number } {
  let count = 0;
  return {
    plugin: {
      transformQuery: (args) => args.node,
      transformResult: async (args) => {
        count += 1;
        return args.result;
      },
    },
    count: () => count,
  };
}

/** Row-level security by collectivité on `tables` (as the applications' migrations set it), and the application role's grants. */
export function collectivitePolicies(schema: string, tables: readonly string[]): string {
  const policies = tables.map(
    (table) => `alter table ${schema}.${table} enable row level security;
create policy ${table}_collectivite on ${schema}.${table} using (om.toutes_collectivites() or om_collectivite = om.collectivite_courante());`,
  );
  return `${policies.join('\n')}
grant usage on schema ${schema} to commun_app;
grant select, insert, update, delete on all tables in schema ${schema} to commun_app;
grant usage on all sequences in schema ${schema} to commun_app;`;
}
