/**
 * The treasury export: the bills still to title (état « émise ») of a period, one CSV line each, as
 * a finance application imports them: semicolons, UTF-8 with BOM, CRLF, French decimals (comma),
 * dates JJ/MM/AAAA. The imputation is the parameter `imputation_concessions` (default 70311,
 * « Concessions dans les cimetières » of the M14/M57 nomenclatures).
 */
import { sql } from 'kysely';
import { settingsOf } from '../../../../framework/src/access/settings.ts';
import type { Db } from '../../../../framework/src/db/connection.ts';
import { dateFr, texteDate } from '../concessions/dates.ts';
import { libelleDe } from '../core/libelles.ts';
import { OBJETS_FACTURE } from '../concessions/libelles.ts';

export const IMPUTATION_PAR_DEFAUT = '70311';
export const ENTETE_EXPORT = ['Numéro', 'Date', 'Objet', 'Payeur', 'Adresse', 'Code postal', 'Ville', 'Libellé', 'Montant', 'Imputation', 'Emplacement'];

export interface FactureExportee {
  readonly facture: number;
  readonly numero: string;
  readonly date_facture: string;
  readonly objet: string;
  readonly payeur_nom: string;
  readonly adresse: string;
  readonly payeur_cp: string;
  readonly payeur_ville: string;
  readonly libelle: string;
  readonly montant: number;
  readonly emplacement: string;
  readonly etat: string;
  readonly numero_titre: string;
  readonly date_titre: string | null;
}

export async function imputationConcessions(db: Db, collectivite: number): Promise<string> {
  const valeur = (await settingsOf(db, collectivite)).get('imputation_concessions');
  return valeur !== undefined && valeur.trim() !== '' ? valeur.trim() : IMPUTATION_PAR_DEFAUT;
}

/** Bills of [du, au] (by date of the bill, or of the titre for `titrees`), in number order. */
export async function facturesDePeriode(db: Db, du: string, au: string, quoi: 'a_titrer' | 'titrees'): Promise<FactureExportee[]> {
  const filtre =
    quoi === 'a_titrer'
      ? sql`f.etat = 'emise' and f.date_facture between ${du}::date and ${au}::date`
      : sql`f.etat in ('titree', 'payee') and f.date_titre between ${du}::date and ${au}::date`;
  const rows = (
    await sql<Record<string, unknown>>`select f.facture, f.numero, f.date_facture, f.objet, f.payeur_nom,
        concat_ws(' ', f.payeur_adresse1, f.payeur_adresse2) as adresse, coalesce(f.payeur_cp, '') as payeur_cp, coalesce(f.payeur_ville, '') as payeur_ville,
        f.libelle, f.montant, f.etat, coalesce(f.numero_titre, '') as numero_titre, f.date_titre,
        z.libelle || ', ' || v.libelle || ' n° ' || e.numero || coalesce(' ' || e.complement, '') as emplacement
       from cimetiere.facture f
       join cimetiere.emplacement e on e.emplacement = f.emplacement
       join cimetiere.voie v on v.voie = e.voie
       join cimetiere.zone z on z.zone = v.zone
      where ${filtre}
      order by f.date_facture, f.facture`.execute(db)
  ).rows;
  return rows.map((row) => ({
    facture: Number(row['facture']),
    numero: String(row['numero']),
    date_facture: texteDate(row['date_facture']) ?? '',
    objet: String(row['objet']),
    payeur_nom: String(row['payeur_nom']),
    adresse: String(row['adresse'] ?? ''),
    payeur_cp: String(row['payeur_cp']),
    payeur_ville: String(row['payeur_ville']),
    libelle: String(row['libelle']),
    montant: Number(row['montant']),
    emplacement: String(row['emplacement']),
    etat: String(row['etat']),
    numero_titre: String(row['numero_titre']),
    date_titre: texteDate(row['date_titre']),
  }));
}

/** « 1234,50 »: no thousands separator, as finance imports want. */
export const decimalFr = (montant: number): string => montant.toFixed(2).replace('.', ',');

const cellule = (valeur: string): string => (/[;"\r\n]/.test(valeur) ? `"${valeur.replace(/"/g, '""')}"` : valeur);

export function csvTresorerie(factures: readonly FactureExportee[], imputation: string): string {
  const lignes = [
    ENTETE_EXPORT,
    ...factures.map((f) => [
      f.numero,
      dateFr(f.date_facture),
      libelleDe(OBJETS_FACTURE, f.objet),
      f.payeur_nom,
      f.adresse,
      f.payeur_cp,
      f.payeur_ville,
      f.libelle,
      decimalFr(f.montant),
      imputation,
      f.emplacement,
    ]),
  ];
  return `\ufeff${lignes.map((ligne) => ligne.map(cellule).join(';')).join('\r\n')}\r\n`;
}
