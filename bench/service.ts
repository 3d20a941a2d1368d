/** The record service over the benchmark database, and the exact SQL it issues for a case. */
import type { Actor } from '../framework/src/access/actor.ts';
import { asApplicationRole, openDatabase, type Database } from '../framework/src/db/index.ts';
import { introspectSchema } from '../framework/src/db/introspect.ts';
import { Registry, type RegisteredObject } from '../framework/src/model/registry.ts';
import { registerFrameworkObjects } from '../framework/src/objects/index.ts';
import { listRecords, planList, type ReadDeps } from '../framework/src/records/index.ts';
import { shouldFilterFirst } from '../framework/src/records/read.ts';
import { buildListQuery, estimatedCount, listConditions } from '../framework/src/records/select.ts';
import { resolveReferenceSearch } from '../framework/src/records/reference-search.ts';
import { readAs } from '../framework/src/db/tenant-context.ts';
import { COLLECTIVITE, type ListingCase } from './cases.ts';

export interface BenchService {
  readonly deps: ReadDeps;
  readonly personne: RegisteredObject;
  readonly actor: Actor;
  /** The SQL text and parameters the service sends for this case. */
  sqlOf(benchCase: ListingCase): Promise<{ sql: string; params: unknown[] }>;
  list(benchCase: ListingCase, count?: 'none' | 'estimated'): Promise<number>;
  close(): Promise<void>;
}

/** An agent of Libreville (niveau 1) who may list `personne`. */
export const benchActor: Actor = {
  userId: 1,
  login: 'bench',
  nom: 'Banc d’essai',
  email: '',
  profileId: 3,
  profileLabel: 'UTILISATEUR',
  hierarchy: 3,
  collectivite: COLLECTIVITE,
  niveau: '1',
  workingCollectivite: COLLECTIVITE,
  permissions: new Set(['bench.personne']),
  via: 'session',
};

export async function openBenchService(url: string, poolSize = 10): Promise<BenchService> {
  const owner = await openDatabase({ url, poolSize });
  const db: Database = await asApplicationRole(owner);
  const registry = new Registry();
  registerFrameworkObjects(registry);
  const { tables } = await introspectSchema(db.kysely, 'bench', { app: 'bench' });
  for (const meta of tables) registry.register(meta);
  registry.linkIncomingReferences();
  const personne = registry.get('bench', 'personne');
  if (!personne) throw new Error('bench.personne introuvable : lancez d’abord la création des données');
  const deps: ReadDeps = { db, registry, exactCountLimit: 100_000 };
  const queries = new Map<string, { sql: string; params: unknown[] }>();
  return {
    deps,
    personne,
    actor: benchActor,
    async sqlOf(benchCase) {
      let query = queries.get(benchCase.name);
      if (!query) {
        // The referenced keys a search matches are read first, as the service does.
        const plan = await readAs(db.kysely, benchActor, (connection) =>
          resolveReferenceSearch(connection, registry, personne, benchActor, planList(personne, benchCase.request)),
        );
        // The service's own choice for a text search (filter first or walk the sort index).
        const conditions = listConditions(registry, personne, benchActor, plan);
        const filterFirst = await readAs(db.kysely, benchActor, (connection) =>
          shouldFilterFirst(plan, () => estimatedCount(connection, personne, conditions)),
        );
        const compiled = buildListQuery(registry, personne, benchActor, plan, true, filterFirst).page.compile(db.kysely);
        query = { sql: compiled.sql, params: [...compiled.parameters] };
        queries.set(benchCase.name, query);
      }
      return query;
    },
    async list(benchCase, count = 'none') {
      const result = await listRecords(deps, benchActor, personne, { ...benchCase.request, count });
      return result.rows.length;
    },
    close: () => db.close(),
  };
}
