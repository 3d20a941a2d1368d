/**
 * The redécoupage of the electors on the list (issue 11 §2): the simulation of
 * rules/redecoupage.ts over the current découpage, and its application — for each elector whose
 * address is now in another bureau, a modification movement of type BR, accepted at once (the
 * elector's bureau changed, the former one kept in `ancien_bureau`), all in one transaction.
 * Applying twice changes nothing the second time: the electors are then in their bureau.
 */
import { sql, type Transaction } from 'kysely';
import type { Actor } from '../../../../framework/src/access/actor.ts';
import type { Db, Schema } from '../../../../framework/src/db/connection.ts';
import { writeAs } from '../../../../framework/src/db/tenant-context.ts';
import { writeAudit } from '../../../../framework/src/records/audit.ts';
import { renumberList } from '../mouvements/liste.ts';
import type { ReadDeps } from '../../../../framework/src/records/index.ts';
import { simulateRedecoupage, TYPE_MOUVEMENT_REDECOUPAGE, type ElecteurAdresse, type RedecoupageSimulation } from '../rules/redecoupage.ts';
import { readDecoupageRows } from './controle.ts';

export interface BureauRef {
  readonly bureau: number;
  readonly code: string;
  readonly libelle: string;
}

export interface Redecoupage {
  readonly simulation: RedecoupageSimulation;
  readonly bureaux: ReadonlyMap<number, BureauRef>;
}

/** Rows per INSERT/UPDATE statement. */
const CHUNK = 500;

async function readElecteurs(db: Db | Transaction<Schema>): Promise<ElecteurAdresse[]> {
  const rows = (
    await sql<ElecteurAdresse>`select electeur, voie, numero, bureau, bureau_force from elections.electeur order by electeur`.execute(db)
  ).rows;
  return rows.map((row) => ({
    electeur: Number(row.electeur),
    voie: Number(row.voie),
    numero: Number(row.numero),
    bureau: row.bureau === null ? null : Number(row.bureau),
    bureau_force: Boolean(row.bureau_force),
  }));
}

export async function simulate(db: Db | Transaction<Schema>): Promise<Redecoupage> {
  const bureauRows = (await sql<BureauRef>`select bureau, code, libelle from elections.bureau order by code`.execute(db)).rows.map((row) => ({ ...row, bureau: Number(row.bureau) }));
  const simulation = simulateRedecoupage(await readElecteurs(db), await readDecoupageRows(db as Db), { bureaux: bureauRows.map((row) => row.bureau) });
  return { simulation, bureaux: new Map(bureauRows.map((row) => [row.bureau, row])) };
}

/** What a background application of the redécoupage (redecoupage-job.ts) follows and stops. */
export interface RedecoupageProgress {
  /** After each batch of electors moved: how many so far, out of how many. */
  readonly report?: (done: number, total: number) => void;
  /** Aborted (a cancel, the server stopping): the transaction is rolled back, nothing is changed. */
  readonly signal?: AbortSignal;
}

/**
 * Creates the BR movements and moves the electors, in one transaction as the actor, with one audit
 * entry on `mouvement` naming them all; the number of electors moved.
 */
export async function applyRedecoupage(service: ReadDeps, actor: Actor, requestId?: string, progress: RedecoupageProgress = {}): Promise<number> {
  const mouvement = service.registry.get('elections', 'mouvement');
  if (!mouvement) throw new Error('elections/mouvement non enregistré');
  return writeAs(service.db.kysely, actor, async (trx) => {
    // One application at a time per collectivité: a second one waits, then finds nothing to do.
    await sql`select pg_advisory_xact_lock(hashtext('elections.redecoupage'), ${actor.workingCollectivite}::integer)`.execute(trx);
    const { simulation } = await simulate(trx);
    const modifications = simulation.modifications;
    const created: number[] = [];
    progress.report?.(0, modifications.length);
    for (let start = 0; start < modifications.length; start += CHUNK) {
      progress.signal?.throwIfAborted();
      const chunk = modifications.slice(start, start + CHUNK);
      const values = sql.join(chunk.map((change) => sql`(${change.electeur}::integer, ${change.ancien_bureau}::integer, ${change.nouveau_bureau}::integer)`));
      const inserted = await sql<{ mouvement: number }>`insert into elections.mouvement
          (type_mouvement, liste, electeur, etat, date_decision, civilite, sexe, nom, nom_usage, prenoms, date_naissance, naissance_lieu,
           commune_naissance, pays_naissance, departement_algerie, libelle_lieu_naissance, nationalite, voie, numero, complement_numero,
           complement, bureau, bureau_force, motif_bureau_force, ancien_bureau, observations, om_collectivite)
        select ${TYPE_MOUVEMENT_REDECOUPAGE}, e.liste, e.electeur, 'accepte', current_date, e.civilite, e.sexe, e.nom, e.nom_usage, e.prenoms,
               e.date_naissance, e.naissance_lieu, e.commune_naissance, e.pays_naissance, e.departement_algerie, e.libelle_lieu_naissance,
               e.nationalite, e.voie, e.numero, e.complement_numero, e.complement, c.nouveau, false, null, c.ancien,
               'Redécoupage : changement de bureau selon le découpage de la voie.', e.om_collectivite
          from elections.electeur e join (values ${values}) as c (electeur, ancien, nouveau) on c.electeur = e.electeur
         order by e.electeur
        returning mouvement`.execute(trx);
      created.push(...inserted.rows.map((row) => Number(row.mouvement)));
      await sql`update elections.electeur e set bureau = c.nouveau
          from (values ${values}) as c (electeur, ancien, nouveau) where e.electeur = c.electeur`.execute(trx);
      progress.report?.(start + chunk.length, modifications.length);
    }
    progress.signal?.throwIfAborted();
    // The numbers in each bureau follow the new bureaux (émargement, cards).
    if (modifications.length > 0) {
      const moved = modifications.map((change) => change.electeur);
      const listes = await sql<{ liste: string }>`select distinct liste from elections.electeur where electeur = any(${moved}::integer[])`.execute(trx);
      for (const { liste } of listes.rows) await renumberList(trx, liste);
    }
    if (created.length > 0) {
      const after = { electeurs: modifications.map((change) => change.electeur), mouvements: created };
      await writeAudit(trx, { actor, object: mouvement, action: 'redecoupage', key: undefined, before: undefined, after, requestId });
    }
    return modifications.length;
  });
}
