/**
 * The acts that follow a sale, each in the caller's transaction:
 * - renouvellement (L2223-15): a new act from the previous term (new term = previous term +
 *   duration, whatever the day it is signed), the previous one `renouvelee`, a bill at the year's
 *   tarif, a courrier « Renouvellement de concession » for the concessionnaire;
 * - conversion (L2223-16): into a longer duration, a new act from the conversion's date, the
 *   previous one `convertie`, a bill of the new price minus the value of the time left on the old
 *   act (duree.ts `valeurRestante`);
 * - rétrocession: an act whose emplacement holds no body goes back to the commune (`retrocedee`,
 *   emplacement libre), the refund computed at the prorata of the time left.
 */
import { sql } from 'kysely';
import type { Db } from '../../../../framework/src/db/connection.ts';
import { Veto } from '../../../../framework/src/model/override.ts';
import { recalculerEtat } from '../core/etat.ts';
import { prochainNumero } from '../core/registres.ts';
import { creerFacture, euros } from '../facturation/factures.ts';
import { ajouterAnnees, dateFr } from './dates.ts';
import { centimes, dureeDe, termeDe, valeurRestante } from './duree.ts';
import { dureeEnMots, type DureeType } from './libelles.ts';
import { lireEmplacement, payeurDe, premierConcessionnaire, type ConcessionLue, type Payeur } from './lecture.ts';
import { message } from './messages.ts';
import { montantDuTarif, tarifApplicable } from './vente.ts';

export const LETTRE_RENOUVELLEMENT = 'cimetiere_renouvellement';

export interface DemandeActe {
  /** `AAAA-MM-JJ`. */
  readonly date: string;
  readonly dureeType: DureeType;
  readonly duree: number | null;
  readonly tarif: number | null;
}

export interface ActeSuivant {
  readonly concession: number;
  readonly numeroActe: string;
  readonly dateTerme: string | null;
  readonly facture: number;
  readonly numeroFacture: string;
  readonly montant: number;
  readonly message: string;
}

const ACTIVE_DUREE_LIMITEE = (concession: ConcessionLue) => concession.etat === 'active' && concession.duree_type !== 'perpetuelle';

/** The start of the period an act paid for: its term minus its duration (the act's date for a sale, the previous term for a renewal). */
const debutDePeriode = (concession: ConcessionLue): string =>
  concession.date_terme !== null && concession.duree !== null ? ajouterAnnees(concession.date_terme, -concession.duree) : concession.date_acte;

async function payeurDeLEmplacement(trx: Db, emplacement: number): Promise<Payeur> {
  const autorisation = await premierConcessionnaire(trx, emplacement);
  const payeur = autorisation === undefined ? undefined : await payeurDe(trx, autorisation);
  if (!payeur) throw new Veto(message('sansConcessionnaire'));
  return payeur;
}

function dureeDemandee(demande: DemandeActe): number | null {
  const duree = dureeDe(demande.dureeType, demande.duree);
  if ('erreur' in duree) throw new Veto(duree.erreur, { duree: duree.erreur });
  return duree.duree;
}

async function nouvelActe(
  trx: Db,
  precedente: ConcessionLue,
  origine: 'renouvellement' | 'conversion',
  demande: DemandeActe,
  duree: number | null,
  terme: string | null,
  montant: number,
): Promise<{ concession: number; numeroActe: string }> {
  const numeroActe = await prochainNumero(trx, 'acte', demande.date, precedente.om_collectivite);
  const row = (
    await sql<{ concession: number }>`insert into cimetiere.concession (emplacement, numero_acte, date_acte, date_vente, type_concession, duree_type, duree,
        date_terme, etat, origine, concession_precedente, superficie, montant, om_collectivite)
      values (${precedente.emplacement}, ${numeroActe}, ${demande.date}, ${demande.date}, ${precedente.type_concession}, ${demande.dureeType}, ${duree},
        ${terme}, 'active', ${origine}, ${precedente.concession}, ${precedente.superficie}, ${montant}, ${precedente.om_collectivite})
      returning concession`.execute(trx)
  ).rows[0];
  return { concession: Number(row?.concession), numeroActe };
}

export async function renouveler(trx: Db, precedente: ConcessionLue, demande: DemandeActe): Promise<ActeSuivant> {
  if (!ACTIVE_DUREE_LIMITEE(precedente)) throw new Veto(message('renouvelable'));
  const duree = dureeDemandee(demande);
  if (duree === null) throw new Veto(message('renouvelable'));
  const emplacement = await lireEmplacement(trx, precedente.emplacement, true);
  if (!emplacement) throw new Veto(message('emplacementIntrouvable'));
  const tarif = await tarifApplicable(trx, Number(demande.date.slice(0, 4)), emplacement.nature, demande.dureeType, duree, demande.tarif);
  const montant = montantDuTarif(tarif, precedente.superficie ?? emplacement.superficie);
  const payeur = await payeurDeLEmplacement(trx, emplacement.emplacement);
  const terme = termeDe(precedente.date_terme ?? demande.date, duree);
  await sql`update cimetiere.concession set etat = 'renouvelee' where concession = ${precedente.concession}`.execute(trx);
  const acte = await nouvelActe(trx, precedente, 'renouvellement', demande, duree, terme, montant);
  const mots = dureeEnMots(demande.dureeType, duree);
  const facture = await creerFacture(trx, {
    date: demande.date,
    objet: 'renouvellement',
    emplacement: emplacement.emplacement,
    concession: acte.concession,
    tarif: tarif.tarif,
    libelle: message('libelleRenouvellement', { duree: mots, adresse: emplacement.adresse, acte: acte.numeroActe }).slice(0, 200),
    montant,
    payeur,
    collectivite: precedente.om_collectivite,
  });
  await sql`insert into cimetiere.courrier (emplacement, autorisation, lettre_type, date_courrier, complement, om_collectivite)
    values (${emplacement.emplacement}, ${payeur.autorisation}, ${LETTRE_RENOUVELLEMENT}, ${demande.date},
      ${message('complementRenouvellement', { ancien: precedente.numero_acte, acte: acte.numeroActe, terme: dateFr(terme) })}, ${precedente.om_collectivite})`.execute(trx);
  await recalculerEtat(trx, emplacement.emplacement);
  return {
    ...acte,
    dateTerme: terme,
    facture: facture.facture,
    numeroFacture: facture.numero,
    montant,
    message: message('renouvelee', { acte: acte.numeroActe, terme: dateFr(terme), facture: facture.numero, montant: euros(montant) }),
  };
}

export interface Conversion extends ActeSuivant {
  readonly prix: number;
  readonly deduction: number;
}

export async function convertir(trx: Db, precedente: ConcessionLue, demande: DemandeActe): Promise<Conversion> {
  if (!ACTIVE_DUREE_LIMITEE(precedente)) throw new Veto(message('convertible'));
  const duree = dureeDemandee(demande);
  const ancienne = precedente.duree ?? 0;
  if (duree !== null && duree <= ancienne) {
    const texte = message('conversionPlusLongue', { nouvelle: dureeEnMots(demande.dureeType, duree), ancienne: dureeEnMots(precedente.duree_type, precedente.duree) });
    throw new Veto(texte, { duree_type: texte });
  }
  const emplacement = await lireEmplacement(trx, precedente.emplacement, true);
  if (!emplacement) throw new Veto(message('emplacementIntrouvable'));
  const tarif = await tarifApplicable(trx, Number(demande.date.slice(0, 4)), emplacement.nature, demande.dureeType, duree, demande.tarif);
  const prix = montantDuTarif(tarif, precedente.superficie ?? emplacement.superficie);
  const deduction = valeurRestante(precedente.montant ?? 0, debutDePeriode(precedente), precedente.date_terme, demande.date);
  const montant = centimes(Math.max(0, prix - deduction));
  const payeur = await payeurDeLEmplacement(trx, emplacement.emplacement);
  const terme = termeDe(demande.date, duree);
  await sql`update cimetiere.concession set etat = 'convertie' where concession = ${precedente.concession}`.execute(trx);
  const acte = await nouvelActe(trx, precedente, 'conversion', demande, duree, terme, prix);
  const mots = dureeEnMots(demande.dureeType, duree);
  const facture = await creerFacture(trx, {
    date: demande.date,
    objet: 'conversion',
    emplacement: emplacement.emplacement,
    concession: acte.concession,
    tarif: tarif.tarif,
    libelle: message('libelleConversion', {
      duree: mots,
      adresse: emplacement.adresse,
      acte: acte.numeroActe,
      prix: euros(prix),
      deduction: euros(deduction),
      ancien: precedente.numero_acte,
    }).slice(0, 200),
    montant,
    payeur,
    collectivite: precedente.om_collectivite,
  });
  await recalculerEtat(trx, emplacement.emplacement);
  return {
    ...acte,
    dateTerme: terme,
    facture: facture.facture,
    numeroFacture: facture.numero,
    montant,
    prix,
    deduction,
    message: message('convertie', { acte: acte.numeroActe, facture: facture.numero, montant: euros(montant), prix: euros(prix), deduction: euros(deduction) }),
  };
}

export interface Retrocession {
  readonly remboursement: number | null;
  readonly message: string;
}

export async function retroceder(trx: Db, concession: ConcessionLue, date: string): Promise<Retrocession> {
  if (concession.etat !== 'active') throw new Veto(message('retrocedable'));
  const corps = (
    await sql<{ nombre: number }>`select count(*)::int as nombre from cimetiere.defunt where emplacement = ${concession.emplacement} and not exhumation`.execute(trx)
  ).rows[0];
  const nombre = Number(corps?.nombre ?? 0);
  if (nombre > 0) throw new Veto(message('retrocessionOccupee', { acte: concession.numero_acte, nombre }));
  await sql`update cimetiere.concession set etat = 'retrocedee' where concession = ${concession.concession}`.execute(trx);
  await sql`update cimetiere.emplacement set famille = null where emplacement = ${concession.emplacement}`.execute(trx);
  await recalculerEtat(trx, concession.emplacement);
  if (concession.date_terme === null) return { remboursement: null, message: message('retrocedeePerpetuelle', { acte: concession.numero_acte }) };
  const remboursement = valeurRestante(concession.montant ?? 0, debutDePeriode(concession), concession.date_terme, date);
  return { remboursement, message: message('retrocedee', { acte: concession.numero_acte, montant: euros(remboursement) }) };
}
