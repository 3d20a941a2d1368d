/** A bill written by a treatment (vente, renouvellement, conversion): numbered in the year's register, the payer copied. */
import { sql } from 'kysely';
import type { Db } from '../../../../framework/src/db/connection.ts';
import { prochainNumero } from '../core/registres.ts';
import type { Payeur } from '../concessions/lecture.ts';

export type ObjetFacture = 'vente' | 'renouvellement' | 'conversion' | 'operation' | 'autre';

export interface NouvelleFacture {
  readonly date: string;
  readonly objet: ObjetFacture;
  readonly emplacement: number;
  readonly concession: number | null;
  readonly tarif: number | null;
  readonly libelle: string;
  readonly montant: number;
  readonly payeur: Payeur;
  readonly collectivite: number;
}

export async function creerFacture(trx: Db, facture: NouvelleFacture): Promise<{ facture: number; numero: string }> {
  const numero = await prochainNumero(trx, 'facture', facture.date, facture.collectivite);
  const { payeur } = facture;
  const row = (
    await sql<{ facture: number }>`insert into cimetiere.facture (numero, date_facture, objet, emplacement, concession, tarif, libelle, montant,
        payeur, payeur_nom, payeur_adresse1, payeur_adresse2, payeur_cp, payeur_ville, om_collectivite)
      values (${numero}, ${facture.date}, ${facture.objet}, ${facture.emplacement}, ${facture.concession}, ${facture.tarif}, ${facture.libelle},
        ${facture.montant}, ${payeur.autorisation}, ${payeur.nom.slice(0, 150)}, ${payeur.adresse1}, ${payeur.adresse2}, ${payeur.cp}, ${payeur.ville},
        ${facture.collectivite})
      returning facture`.execute(trx)
  ).rows[0];
  if (!row) throw new Error('facture non écrite');
  return { facture: Number(row.facture), numero };
}

/** « 1 234,50 € » (no-break spaces), as on the bill. */
export function euros(montant: number): string {
  const [entier = '0', decimales = '00'] = Math.abs(montant).toFixed(2).split('.');
  const groupes = entier.replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
  return `${montant < 0 ? '-' : ''}${groupes},${decimales}\u00a0€`;
}
