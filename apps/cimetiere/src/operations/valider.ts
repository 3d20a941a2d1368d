/**
 * « Valider » an operation (cimetiere.md §3.7, rule §4.5): irreversible, in one transaction, the
 * rules checked again; the défunts written (an inhumation creates its défunt, a réduction puts it
 * in a box, a transfer moves it, an exhumation or a dispersion marks it exhumed), their historique
 * completed and their verrou cleared, the places and states of the emplacements recomputed.
 */
import { sql } from 'kysely';
import type { Actor } from '../../../../framework/src/access/actor.ts';
import { holds } from '../../../../framework/src/access/permissions.ts';
import type { Row } from '../../../../framework/src/db/connection.ts';
import type { Transaction } from 'kysely';
import type { Schema } from '../../../../framework/src/db/connection.ts';
import { Veto, type CustomAction } from '../../../../framework/src/model/override.ts';
import { forbidden } from '../../../../framework/src/records/errors.ts';
import { recalculerEtat } from '../core/etat.ts';
import { recalculerPlace, tailleDe } from '../core/occupation.ts';
import { parametresCimetiere } from '../core/parametres.ts';
import { auditer, historiqueAvec, modifierDefunt } from './audit.ts';
import { controlerValidation } from './controles.ts';
import { categorieLibelle, dateFr, messageNonActive } from './libelles.ts';
import { defuntsConcernes, lireEmplacement } from './lecture.ts';

export const DROIT_VALIDER = 'cimetiere.operation_valider';

async function inhumer(trx: Transaction<Schema>, actor: Actor, operation: Row, ligne: string): Promise<void> {
  const parametres = await parametresCimetiere(trx, Number(operation.om_collectivite));
  const nature = operation.defunt_nature === 'urne' ? 'urne' : 'cercueil';
  const cree = await sql<Row>`insert into cimetiere.defunt (emplacement, nature, taille, titre, nom, nom_usage, nom_naissance, prenom,
        date_naissance, date_deces, lieu_deces, date_inhumation, historique, om_collectivite)
      values (${operation.emplacement}, ${nature}, ${tailleDe(nature, parametres)}, ${operation.defunt_titre ?? null}, ${operation.defunt_nom},
        ${operation.defunt_nom_usage ?? null}, ${operation.defunt_nom_naissance ?? null}, ${operation.defunt_prenom ?? null},
        ${operation.defunt_date_naissance ?? null}::date, ${operation.defunt_date_deces ?? null}::date, ${operation.defunt_lieu_deces ?? null},
        ${operation.date_operation}::date, ${ligne}, ${operation.om_collectivite})
      returning *`.execute(trx);
  const defunt = cree.rows[0];
  if (defunt) await auditer(trx, actor, 'defunt', defunt.defunt, 'create', undefined, defunt);
}

/** The historique line of the operation (« Inhumation dossier 2026-3 du 21/06/2026 »). */
async function ligneHistorique(trx: Transaction<Schema>, operation: Row): Promise<string> {
  const dossier = `dossier ${String(operation.numero)} du ${dateFr(operation.date_operation)}`;
  switch (operation.categorie) {
    case 'transfert': {
      const source = await lireEmplacement(trx, operation.emplacement);
      const destination = await lireEmplacement(trx, operation.emplacement_transfert);
      return `Transfert ${dossier} : de ${source?.libelle ?? '?'} vers ${destination?.libelle ?? '?'}`;
    }
    case 'dispersion':
      return `Cendres dispersées (${String(operation.lieu_dispersion ?? '')}) ${dossier}`;
    default:
      return `${categorieLibelle(operation.categorie)} ${dossier}`;
  }
}

export async function validerOperation(trx: Transaction<Schema>, actor: Actor, operation: Row): Promise<string> {
  if (operation.etat !== 'actif') throw new Veto(messageNonActive(operation.etat));
  const parametres = await parametresCimetiere(trx, Number(operation.om_collectivite));
  // Two validations filling the same emplacement at once: the second waits, then counts the first's défunts.
  await sql`select 1 from cimetiere.emplacement where emplacement in (${Number(operation.emplacement)}, ${Number(operation.emplacement_transfert ?? operation.emplacement)})
      order by emplacement for update`.execute(trx);
  const errors = await controlerValidation(trx, operation, parametres);
  const premier = Object.values(errors)[0];
  if (premier) throw new Veto(`Validation refusée : ${premier}`, errors);
  const ligne = await ligneHistorique(trx, operation);
  const date = String(operation.date_operation).slice(0, 10);
  const defunts = await defuntsConcernes(trx, operation.operation);
  if (operation.categorie === 'inhumation') await inhumer(trx, actor, operation, ligne);
  for (const defunt of defunts) {
    const changes = {
      reduction: sql`nature = 'reduction', taille = ${tailleDe('reduction', parametres)}, reduction = true, date_reduction = ${date}::date`,
      transfert: sql`emplacement = ${Number(operation.emplacement_transfert)}`,
      exhumation: sql`exhumation = true, date_exhumation = ${date}::date`,
      dispersion: sql`exhumation = true, date_exhumation = ${date}::date`,
    }[String(operation.categorie) as 'reduction' | 'transfert' | 'exhumation' | 'dispersion'];
    await modifierDefunt(trx, actor, defunt.defunt, sql`${changes}, ${historiqueAvec(ligne)}, verrou = false`);
  }
  for (const emplacement of [operation.emplacement, operation.emplacement_transfert]) {
    if (emplacement === null || emplacement === undefined) continue;
    await recalculerPlace(trx, Number(emplacement));
    await recalculerEtat(trx, Number(emplacement));
  }
  await sql`update cimetiere.operation set etat = 'traite', valide_le = now(), valide_par = ${actor.login}
     where operation = ${operation.operation}`.execute(trx);
  return `Opération n° ${String(operation.numero)} validée : ${categorieLibelle(operation.categorie).toLowerCase()} enregistrée, définitivement.`;
}

export const valider: CustomAction = {
  label: 'Valider',
  permissionSuffix: 'valider',
  order: 10,
  // Holding the whole object (`cimetiere.operation`, the agents') is not enough: validation is the responsable's.
  condition: (record, actor) => record.etat === 'actif' && holds(actor, DROIT_VALIDER),
  unavailableMessage: (record) =>
    record.etat === 'actif' ? 'La validation d’une opération est réservée au responsable du cimetière.' : messageNonActive(record.etat),
  run: async ({ trx, actor, record, locale }) => {
    if (!holds(actor, DROIT_VALIDER)) throw forbidden(locale);
    return { message: await validerOperation(trx, actor, record) };
  },
};
