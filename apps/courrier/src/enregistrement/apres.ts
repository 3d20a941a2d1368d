/**
 * After a courrier is written (`afterWrite`, same transaction): on create, the copies to the élus
 * « copie automatique » (parameters autoinsertion_diffusion and option_elu), the reply task when a
 * reply is wanted (autocreation_tache, src/taches/automatique.ts) and the waiting scan claimed into
 * the dossier; on create or when it changes, a departure answering a mail becomes the reply of that
 * mail's open reply tasks (they stay open: the agent closes them).
 */
import { sql } from 'kysely';
import type { Db, Row } from '../../../../framework/src/db/connection.ts';
import type { WriteContext } from '../../../../framework/src/model/override.ts';
import { parametresCourrier, type ParametresCourrier } from '../core/parametres.ts';
import { CODE_CATEGORIE_REPONSE, creerTacheReponse } from '../taches/automatique.ts';
import { aujourdhui, jour } from './dates.ts';
import { collectiviteDe } from './preparation.ts';
import { joindreLeScan } from './scan.ts';

async function copiesAuxElus(trx: Db, courrier: number, collectivite: number): Promise<void> {
  await sql`
    insert into courrier.copie (courrier, elu, om_collectivite)
    select ${courrier}::integer, elu, om_collectivite from courrier.elu
     where copie_auto and om_collectivite = ${collectivite}::integer
       and (om_validite_debut is null or om_validite_debut <= current_date) and (om_validite_fin is null or om_validite_fin > current_date)
    on conflict do nothing`.execute(trx);
}

async function tacheDeReponse(trx: Db, row: Row, parametres: ParametresCourrier, collectivite: number): Promise<void> {
  await creerTacheReponse(
    trx,
    {
      courrier: Number(row['courrier']),
      objet: String(row['objet'] ?? ''),
      service: Number(row['service']),
      referent: row['referent'] === null || row['referent'] === undefined ? null : Number(row['referent']),
      categorie: row['categorie'] === null || row['categorie'] === undefined ? null : Number(row['categorie']),
      date: (row['registre'] === 'arrivee' ? jour(row['date_arrivee']) : jour(row['date_signature'])) ?? aujourdhui(),
      collectivite,
    },
    parametres,
  );
}

/** The open reply tasks of the answered mail get this departure as their reply. */
async function repondreAuxTaches(trx: Db, depart: number, repondu: number): Promise<void> {
  await sql`
    update courrier.tache t set reponse = ${depart}::integer
     where t.courrier = ${repondu}::integer and not t.solde and t.reponse is null
       and (t.automatique or exists (select from courrier.tache_categorie c where c.tache_categorie = t.tache_categorie and c.code = ${CODE_CATEGORIE_REPONSE}))`.execute(trx);
}

export async function apresEcriture(context: WriteContext & { readonly result: Row | undefined }): Promise<void> {
  const { trx, action, values, previous } = context;
  if (action === 'delete') return;
  const row: Row = { ...(previous ?? {}), ...values, ...(context.result ?? {}) };
  const courrier = Number(row['courrier']);
  const collectivite = collectiviteDe({ values: row, previous, actor: context.actor });
  const parametres = await parametresCourrier(trx, collectivite);
  if (action === 'create') {
    if (row['registre'] === 'arrivee' && parametres.autoinsertionDiffusion && parametres.optionElu) await copiesAuxElus(trx, courrier, collectivite);
    if (row['reponse_souhaitee'] === true && parametres.autocreationTache) await tacheDeReponse(trx, row, parametres, collectivite);
    await joindreLeScan(context, row);
  } else if (values['reponse_souhaitee'] === true && previous?.['reponse_souhaitee'] !== true && parametres.autocreationTache) {
    const { rows } = await sql`select 1 from courrier.tache where courrier = ${courrier} and automatique`.execute(trx);
    if (rows.length === 0) await tacheDeReponse(trx, row, parametres, collectivite);
  }
  const reponseA = row['reponse_a'];
  const change = action === 'create' || (Object.hasOwn(values, 'reponse_a') && values['reponse_a'] !== previous?.['reponse_a']);
  if (row['registre'] === 'depart' && change && reponseA !== null && reponseA !== undefined) await repondreAuxTaches(trx, courrier, Number(reponseA));
}
