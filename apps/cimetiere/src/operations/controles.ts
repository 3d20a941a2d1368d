/**
 * The rules of a funeral operation (cimetiere.md §4.2, §4.3, §4.5, §4.6), checked when it is
 * entered, when a défunt is added to it, and again when it is validated: room for an inhumation and
 * an active concession where one is needed, défunts of the source emplacement only, not exhumed,
 * not in another active operation, réduction after the legal delay, urnes only for a dispersion,
 * room at a transfer's destination.
 */
import type { Db, Row } from '../../../../framework/src/db/connection.ts';
import type { FieldErrors } from '../../../../framework/src/model/override.ts';
import { nombreFr, places } from '../core/format.ts';
import { NATURES_CAPACITE_INDICATIVE } from '../core/libelles.ts';
import { placeRestante, tailleDe } from '../core/occupation.ts';
import type { ParametresCimetiere } from '../core/parametres.ts';
import { ajouterAnnees, dateFr, dureeEnAnnees, nomComplet } from './libelles.ts';
import { autreOperationActive, defuntsConcernes, lireEmplacement, type DefuntLu, type EmplacementLu } from './lecture.ts';

/** Natures whose capacity is only indicative (remains are gathered there without limit). */
const SANS_LIMITE = new Set(NATURES_CAPACITE_INDICATIVE);
/** Natures where an inhumation needs an active concession. */
const AVEC_CONCESSION = new Set(['concession', 'colombarium', 'enfeu']);

const vide = (value: unknown): boolean => value === null || value === undefined || (typeof value === 'string' && value.trim() === '');

/** Room for `ajout` more in `emplacement`, or the refusal. */
export function messagePlace(emplacement: EmplacementLu, ajout: number, quoi: string): string | undefined {
  if (SANS_LIMITE.has(emplacement.nature)) return undefined;
  if (placeRestante(emplacement, ajout) >= 0) return undefined;
  const occupee = emplacement.placeOccupee;
  return `Plus de place : ${places(occupee)} ${occupee >= 2 ? 'occupées' : 'occupée'} sur ${nombreFr(emplacement.nombrePlaces)}, ${quoi} en demande ${nombreFr(ajout)}.`;
}

/** The operation's own fields, by catégorie (create and update while actif, and validation). */
export async function controlerOperation(trx: Db, operation: Row, parametres: ParametresCimetiere): Promise<FieldErrors> {
  const errors: FieldErrors = {};
  const categorie = operation.categorie;
  const source = await lireEmplacement(trx, operation.emplacement);
  if (!source) return errors;
  if (categorie === 'transfert') {
    if (vide(operation.emplacement_transfert)) errors.emplacement_transfert = 'Un transfert a un emplacement de destination : choisissez-le.';
    else if (Number(operation.emplacement_transfert) === source.emplacement) {
      errors.emplacement_transfert = 'L’emplacement de destination est celui d’où partent les défunts : choisissez-en un autre.';
    }
  } else if (!vide(operation.emplacement_transfert)) {
    errors.emplacement_transfert = 'Seul un transfert a un emplacement de destination : laissez ce champ vide.';
  }
  if (categorie === 'dispersion' && vide(operation.lieu_dispersion)) errors.lieu_dispersion = 'Indiquez le lieu de dispersion des cendres.';
  if (categorie === 'inhumation') {
    if (vide(operation.defunt_nom)) errors.defunt_nom = 'Indiquez le nom du défunt inhumé.';
    if (vide(operation.defunt_nature)) errors.defunt_nature = 'Indiquez s’il s’agit d’un cercueil ou d’une urne.';
    const deces = String(operation.defunt_date_deces ?? '');
    if (deces !== '' && String(operation.date_operation ?? '') !== '' && String(operation.date_operation) < deces) {
      errors.date_operation = `L’inhumation ne peut précéder le décès (${dateFr(deces)}).`;
    }
    const naissance = String(operation.defunt_date_naissance ?? '');
    if (deces !== '' && naissance !== '' && deces < naissance) errors.defunt_date_deces = 'La date de décès précède la date de naissance.';
    if (AVEC_CONCESSION.has(source.nature) && !source.concessionActive) errors.emplacement = 'Aucune concession active sur cet emplacement.';
    else if (!vide(operation.defunt_nature)) {
      const nature = operation.defunt_nature === 'urne' ? 'urne' : 'cercueil';
      const place = messagePlace(source, tailleDe(nature, parametres), nature === 'urne' ? 'une urne' : 'un cercueil');
      if (place) errors.emplacement = place;
    }
  }
  if (operation.operation !== undefined && operation.operation !== null && categorie !== 'inhumation' && Object.keys(errors).length === 0) {
    const defunts = await defuntsConcernes(trx, operation.operation);
    for (const defunt of defunts) {
      const message = await controlerDefunt(trx, operation, defunt, parametres);
      if (message) {
        errors[categorie === 'reduction' ? 'date_operation' : 'emplacement'] = message;
        break;
      }
    }
    if (!errors.emplacement && !errors.date_operation && categorie === 'transfert' && defunts.length > 0) {
      const destinationErreur = await controlerDestination(trx, operation, defunts);
      if (destinationErreur) errors.emplacement_transfert = destinationErreur;
    }
  }
  return errors;
}

/** Room at a transfer's destination for all the défunts concerned. */
export async function controlerDestination(trx: Db, operation: Row, defunts: readonly DefuntLu[]): Promise<string | undefined> {
  const destination = await lireEmplacement(trx, operation.emplacement_transfert);
  if (!destination) return undefined;
  const total = defunts.reduce((somme, defunt) => somme + defunt.taille, 0);
  return messagePlace(destination, total, defunts.length > 1 ? 'le transfert des défunts' : 'le transfert du défunt');
}

/** Whether `defunt` may be concerned by `operation` (its rows as read): the refusal, or undefined. */
export async function controlerDefunt(trx: Db, operation: Row, defunt: DefuntLu, parametres: ParametresCimetiere): Promise<string | undefined> {
  const nom = nomComplet(defunt);
  if (operation.categorie === 'inhumation') return 'Une inhumation crée son défunt à la validation : n’ajoutez pas de défunt déjà inhumé.';
  if (defunt.emplacement !== Number(operation.emplacement)) return `${nom} repose dans un autre emplacement.`;
  if (defunt.exhumation) {
    return defunt.dateExhumation ? `${nom} a été exhumé(e) le ${dateFr(defunt.dateExhumation)}.` : `${nom} a été exhumé(e).`;
  }
  const autre = await autreOperationActive(trx, defunt.defunt, operation.operation);
  if (autre) return `${nom} est déjà concerné(e) par l’opération n° ${autre} en cours.`;
  if (operation.categorie === 'reduction') {
    if (defunt.nature !== 'cercueil') return `Seul un cercueil se réduit : ${nom} est ${defunt.nature === 'urne' ? 'une urne' : 'déjà réduit(e)'}.`;
    if (!defunt.dateInhumation) return `Réduction impossible : la date d’inhumation de ${nom} n’est pas connue.`;
    const possible = ajouterAnnees(defunt.dateInhumation, parametres.tempsReduction);
    if (String(operation.date_operation ?? '').slice(0, 10) < possible) {
      return `Réduction impossible avant le ${dateFr(possible)} : ${dureeEnAnnees(parametres.tempsReduction)} après l’inhumation du ${dateFr(defunt.dateInhumation)}.`;
    }
  }
  if (operation.categorie === 'dispersion' && defunt.nature !== 'urne') return `Seules des cendres se dispersent : ${nom} ne repose pas dans une urne.`;
  return undefined;
}

/** Everything checked again at validation: the refusals, all at once. */
export async function controlerValidation(trx: Db, operation: Row, parametres: ParametresCimetiere): Promise<FieldErrors> {
  const errors = await controlerOperation(trx, { ...operation }, parametres);
  if (Object.keys(errors).length > 0 || operation.categorie === 'inhumation') return errors;
  const defunts = await defuntsConcernes(trx, operation.operation);
  if (defunts.length === 0) return { operation_defunt: 'Ajoutez les défunts concernés par l’opération avant de la valider.' };
  return {};
}
