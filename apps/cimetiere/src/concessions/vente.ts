/**
 * « Vendre une concession » (right `cimetiere.concession_vendre`), one transaction: the act
 * (numbered in the year's register), the concessionnaire (new, or one already on the emplacement),
 * the emplacement's famille, the bill (numbered, objet vente, payer copied) and the emplacement's
 * state. Refused, nothing written, when the emplacement is not libre or not concedable, when no
 * tarif of the year fits, or without a concessionnaire's name.
 */
import { sql } from 'kysely';
import type { Db } from '../../../../framework/src/db/connection.ts';
import { Veto, type FieldErrors } from '../../../../framework/src/model/override.ts';
import { recalculerEtat } from '../core/etat.ts';
import { prochainNumero } from '../core/registres.ts';
import { libelleDe, NATURES_EMPLACEMENT, ETATS_EMPLACEMENT } from '../core/libelles.ts';
import { creerFacture, euros } from '../facturation/factures.ts';
import { centimes, dureeDe, termeDe } from './duree.ts';
import { dureeEnMots, NATURES_CONCEDABLES, type DureeType } from './libelles.ts';
import { lireEmplacement, lireTarif, payeurDe, tarifsPour, type TarifLu } from './lecture.ts';
import { message } from './messages.ts';

export interface NouveauConcessionnaire {
  readonly titre: number | null;
  readonly nom: string;
  readonly prenom: string | null;
  readonly adresse1: string | null;
  readonly cp: string | null;
  readonly ville: string | null;
  readonly telephone: string | null;
  readonly courriel: string | null;
}

export interface DemandeVente {
  readonly emplacement: number;
  /** `AAAA-MM-JJ`: date of the act and of the sale. */
  readonly date: string;
  readonly dureeType: DureeType;
  readonly duree: number | null;
  readonly typeConcession: 'familiale' | 'individuelle' | 'collective';
  readonly superficie: number | null;
  /** A concessionnaire already on the emplacement, or a new one. */
  readonly autorisation: number | null;
  readonly concessionnaire: NouveauConcessionnaire | null;
  readonly tarif: number | null;
}

export interface Vente {
  readonly concession: number;
  readonly numeroActe: string;
  readonly facture: number;
  readonly numeroFacture: string;
  readonly montant: number;
  readonly autorisation: number;
  readonly message: string;
}

/** The tarif applied: the one chosen (checked) or the only one of the year; a `Veto` on `tarif` otherwise. */
export async function tarifApplicable(trx: Db, annee: number, nature: string, dureeType: DureeType, duree: number | null, choisi: number | null): Promise<TarifLu> {
  const mots = dureeEnMots(dureeType, duree);
  const possibles = await tarifsPour(trx, annee, nature, dureeType, duree);
  if (choisi !== null) {
    const trouve = possibles.find((tarif) => tarif.tarif === choisi);
    if (trouve) return trouve;
    const lu = await lireTarif(trx, choisi);
    const texte = message('tarifInadapte', { libelle: lu?.libelle ?? String(choisi), annee, duree: mots });
    throw new Veto(texte, { tarif: texte });
  }
  const [seul] = possibles;
  if (seul && possibles.length === 1) return seul;
  const texte = possibles.length === 0 ? message('aucunTarif', { annee, duree: mots }) : message('plusieursTarifs', { annee, duree: mots });
  throw new Veto(texte, { tarif: texte });
}

/** The amount of a tarif: its montant, times the superficie when it is per m². */
export function montantDuTarif(tarif: TarifLu, superficie: number | null): number {
  if (!tarif.par_m2) return tarif.montant;
  if (superficie === null || superficie <= 0) {
    const texte = message('superficieRequise', { libelle: tarif.libelle });
    throw new Veto(texte, { superficie: texte });
  }
  return centimes(tarif.montant * superficie);
}

async function concessionActive(trx: Db, emplacement: number): Promise<string | undefined> {
  const row = (await sql<{ numero_acte: string }>`select numero_acte from cimetiere.concession where emplacement = ${emplacement} and etat = 'active'`.execute(trx)).rows[0];
  return row?.numero_acte;
}

export async function vendreConcession(trx: Db, demande: DemandeVente): Promise<Vente> {
  const emplacement = await lireEmplacement(trx, demande.emplacement, true);
  if (!emplacement) throw new Veto(message('emplacementIntrouvable'));
  if (!NATURES_CONCEDABLES.includes(emplacement.nature)) {
    throw new Veto(message('natureNonConcedable', { nature: libelleDe(NATURES_EMPLACEMENT, emplacement.nature) }));
  }
  const active = await concessionActive(trx, emplacement.emplacement);
  if (active !== undefined) throw new Veto(message('concessionActiveExiste', { numero: active }));
  if (emplacement.etat !== 'libre') {
    throw new Veto(message('emplacementNonLibre', { adresse: emplacement.adresse, etat: libelleDe(ETATS_EMPLACEMENT, emplacement.etat).toLowerCase() }));
  }
  const erreurs: FieldErrors = {};
  const duree = dureeDe(demande.dureeType, demande.duree);
  if ('erreur' in duree) erreurs['duree'] = duree.erreur;
  if (demande.autorisation === null && (demande.concessionnaire === null || demande.concessionnaire.nom.trim() === '')) erreurs['nom'] = message('nomRequis');
  if (Object.keys(erreurs).length > 0 || 'erreur' in duree) throw new Veto(Object.values(erreurs).join(' '), erreurs);

  const annee = Number(demande.date.slice(0, 4));
  const superficie = demande.superficie ?? emplacement.superficie;
  const tarif = await tarifApplicable(trx, annee, emplacement.nature, demande.dureeType, duree.duree, demande.tarif);
  const montant = montantDuTarif(tarif, superficie);

  let autorisation: number;
  if (demande.autorisation !== null) {
    const row = (await sql<{ emplacement: number }>`select emplacement from cimetiere.autorisation where autorisation = ${demande.autorisation}`.execute(trx)).rows[0];
    if (!row || Number(row.emplacement) !== emplacement.emplacement) throw new Veto(message('autorisationAutre'), { autorisation: message('autorisationAutre') });
    autorisation = demande.autorisation;
  } else {
    const c = demande.concessionnaire as NouveauConcessionnaire;
    const row = (
      await sql<{ autorisation: number }>`insert into cimetiere.autorisation (emplacement, nature, titre, nom, prenom, adresse1, cp, ville, telephone, courriel, om_collectivite)
        values (${emplacement.emplacement}, 'concessionnaire', ${c.titre}, ${c.nom.trim()}, ${c.prenom}, ${c.adresse1}, ${c.cp}, ${c.ville}, ${c.telephone}, ${c.courriel},
          ${emplacement.om_collectivite}) returning autorisation`.execute(trx)
    ).rows[0];
    autorisation = Number(row?.autorisation);
  }
  const payeur = await payeurDe(trx, autorisation);
  if (!payeur) throw new Veto(message('autorisationAutre'));

  const numeroActe = await prochainNumero(trx, 'acte', demande.date, emplacement.om_collectivite);
  const concession = (
    await sql<{ concession: number }>`insert into cimetiere.concession (emplacement, numero_acte, date_acte, date_vente, type_concession, duree_type, duree,
        date_terme, etat, origine, superficie, montant, om_collectivite)
      values (${emplacement.emplacement}, ${numeroActe}, ${demande.date}, ${demande.date}, ${demande.typeConcession}, ${demande.dureeType}, ${duree.duree},
        ${termeDe(demande.date, duree.duree)}, 'active', 'vente', ${superficie}, ${montant}, ${emplacement.om_collectivite})
      returning concession`.execute(trx)
  ).rows[0];
  const concessionId = Number(concession?.concession);
  const nomFamille = (await sql<{ nom: string }>`select nom from cimetiere.autorisation where autorisation = ${autorisation}`.execute(trx)).rows[0]?.nom ?? payeur.nom;
  await sql`update cimetiere.emplacement set famille = coalesce(nullif(famille, ''), ${nomFamille}) where emplacement = ${emplacement.emplacement}`.execute(trx);
  const facture = await creerFacture(trx, {
    date: demande.date,
    objet: 'vente',
    emplacement: emplacement.emplacement,
    concession: concessionId,
    tarif: tarif.tarif,
    libelle: message('libelleVente', { duree: dureeEnMots(demande.dureeType, duree.duree), adresse: emplacement.adresse, acte: numeroActe }).slice(0, 200),
    montant,
    payeur,
    collectivite: emplacement.om_collectivite,
  });
  await recalculerEtat(trx, emplacement.emplacement);
  return {
    concession: concessionId,
    numeroActe,
    facture: facture.facture,
    numeroFacture: facture.numero,
    montant,
    autorisation,
    message: message('vendue', { acte: numeroActe, facture: facture.numero, montant: euros(montant) }),
  };
}
