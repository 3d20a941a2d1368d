/**
 * The reply task (openCourrier's `autocreation_tache`): a mail registered with « réponse souhaitée »
 * gets a task « Répondre », category REP (attente de réponse), state NT (non traité), for its
 * processing service and référent, due on the arrival date plus the category's delay, or the
 * parameter `delai_reponse` (15 days). Written in the registration's transaction, and announced by
 * e-mail (notification.ts) in the same transaction.
 */
import { sql } from 'kysely';
import type { Db } from '../../../../framework/src/db/connection.ts';
import type { ParametresCourrier } from '../core/parametres.ts';
import { notifierTache } from './notification.ts';

export interface CourrierPourTache {
  readonly courrier: number;
  readonly objet: string;
  readonly service: number;
  readonly referent: number | null;
  readonly categorie: number | null;
  /** YYYY-MM-DD: the arrival date (or, for a departure, its signature date). */
  readonly date: string;
  readonly collectivite: number;
}

export const CODE_CATEGORIE_REPONSE = 'REP';
export const CODE_ETAT_NON_TRAITE = 'NT';

/** A reference row of the collectivité by its code, created with `libelle` when it is missing. */
async function referenceParCode(trx: Db, table: 'tache_categorie' | 'tache_etat', code: string, libelle: string, collectivite: number): Promise<number> {
  const found = await sql<{ id: number }>`
    select ${sql.ref(table)} as id from ${sql.table(`courrier.${table}`)} where code = ${code} and om_collectivite = ${collectivite}`.execute(trx);
  if (found.rows[0]) return Number(found.rows[0].id);
  const created = await sql<{ id: number }>`
    insert into ${sql.table(`courrier.${table}`)} (code, libelle, om_collectivite) values (${code}, ${libelle}, ${collectivite})
    returning ${sql.ref(table)} as id`.execute(trx);
  return Number(created.rows[0]?.id);
}

/** The delay in days: the category's, else the parameter. */
export async function delaiDeReponse(trx: Db, categorie: number | null, parametres: ParametresCourrier): Promise<number> {
  if (categorie === null) return parametres.delaiReponse;
  const { rows } = await sql<{ delai_reponse: number | null }>`select delai_reponse from courrier.categorie where categorie = ${categorie}`.execute(trx);
  const delai = rows[0]?.delai_reponse;
  return delai === null || delai === undefined ? parametres.delaiReponse : Number(delai);
}

/** Adds `days` to a YYYY-MM-DD date. */
export function ajouterJours(date: string, days: number): string {
  const value = new Date(`${date}T12:00:00Z`);
  value.setUTCDate(value.getUTCDate() + days);
  return value.toISOString().slice(0, 10);
}

/** Creates the reply task of a mail; returns its key. */
export async function creerTacheReponse(trx: Db, courrier: CourrierPourTache, parametres: ParametresCourrier): Promise<number> {
  const categorie = await referenceParCode(trx, 'tache_categorie', CODE_CATEGORIE_REPONSE, 'Attente de réponse', courrier.collectivite);
  const etat = await referenceParCode(trx, 'tache_etat', CODE_ETAT_NON_TRAITE, 'Non traité', courrier.collectivite);
  const butoir = ajouterJours(courrier.date, await delaiDeReponse(trx, courrier.categorie, parametres));
  const libelle = `Répondre : ${courrier.objet}`.slice(0, 200);
  const { rows } = await sql<{ tache: number }>`
    insert into courrier.tache (courrier, libelle, tache_categorie, tache_etat, service, agent, date_creation, date_butoir, automatique, om_collectivite)
    values (${courrier.courrier}, ${libelle}, ${categorie}, ${etat}, ${courrier.service}, ${courrier.referent}, least(current_date, ${butoir}::date),
            ${butoir}::date, true, ${courrier.collectivite})
    returning tache`.execute(trx);
  const tache = Number(rows[0]?.tache);
  if (parametres.notificationCourriel) await notifierTache(trx, tache);
  return tache;
}
