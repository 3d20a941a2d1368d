/** Reads shared by the concession treatments: an emplacement with its address, an act, a tarif, a concessionnaire. */
import { sql } from 'kysely';
import type { Db } from '../../../../framework/src/db/connection.ts';
import { texteDate } from './dates.ts';
import type { DureeType } from './libelles.ts';

export interface EmplacementLu {
  readonly emplacement: number;
  readonly nature: string;
  readonly etat: string;
  readonly famille: string | null;
  readonly superficie: number | null;
  /** « Cimetière de l’Est, Carré A, Allée des Tilleuls n° 12 bis ». */
  readonly adresse: string;
  readonly om_collectivite: number;
}

export async function lireEmplacement(db: Db, emplacement: number, verrouiller = false): Promise<EmplacementLu | undefined> {
  const verrou = verrouiller ? sql`for update of e` : sql``;
  const row = (
    await sql<{ emplacement: number; nature: string; etat: string; famille: string | null; superficie: string | null; adresse: string; om_collectivite: number }>`
      select e.emplacement, e.nature, e.etat, e.famille, e.superficie, e.om_collectivite,
             c.libelle || ', ' || z.libelle || ', ' || v.libelle || ' n° ' || e.numero || coalesce(' ' || e.complement, '') as adresse
        from cimetiere.emplacement e
        join cimetiere.voie v on v.voie = e.voie
        join cimetiere.zone z on z.zone = v.zone
        join cimetiere.cimetiere c on c.cimetiere = z.cimetiere
       where e.emplacement = ${emplacement} ${verrou}`.execute(db)
  ).rows[0];
  if (!row) return undefined;
  return { ...row, emplacement: Number(row.emplacement), superficie: row.superficie === null ? null : Number(row.superficie), om_collectivite: Number(row.om_collectivite) };
}

export interface ConcessionLue {
  readonly concession: number;
  readonly emplacement: number;
  readonly numero_acte: string;
  readonly date_acte: string;
  readonly date_vente: string;
  readonly type_concession: string;
  readonly duree_type: DureeType;
  readonly duree: number | null;
  readonly date_terme: string | null;
  readonly etat: string;
  readonly origine: string;
  readonly superficie: number | null;
  readonly montant: number | null;
  readonly om_collectivite: number;
}

export function concessionLue(row: Record<string, unknown>): ConcessionLue {
  const nombre = (valeur: unknown) => (valeur === null || valeur === undefined ? null : Number(valeur));
  return {
    concession: Number(row['concession']),
    emplacement: Number(row['emplacement']),
    numero_acte: String(row['numero_acte']),
    date_acte: texteDate(row['date_acte']) ?? '',
    date_vente: texteDate(row['date_vente']) ?? '',
    type_concession: String(row['type_concession']),
    duree_type: row['duree_type'] as DureeType,
    duree: nombre(row['duree']),
    date_terme: texteDate(row['date_terme']),
    etat: String(row['etat']),
    origine: String(row['origine']),
    superficie: nombre(row['superficie']),
    montant: nombre(row['montant']),
    om_collectivite: Number(row['om_collectivite']),
  };
}

export async function lireConcession(db: Db, concession: number): Promise<ConcessionLue | undefined> {
  const row = (await sql<Record<string, unknown>>`select * from cimetiere.concession where concession = ${concession}`.execute(db)).rows[0];
  return row ? concessionLue(row) : undefined;
}

export interface TarifLu {
  readonly tarif: number;
  readonly annee: number;
  readonly libelle: string;
  readonly montant: number;
  readonly par_m2: boolean;
}

/** The tarifs of a year for a nature and a duration (a temporaire's by its years). */
export async function tarifsPour(db: Db, annee: number, nature: string, dureeType: DureeType, duree: number | null): Promise<TarifLu[]> {
  const rows = (
    await sql<{ tarif: number; annee: number; libelle: string; montant: string; par_m2: boolean }>`
      select tarif, annee, libelle, montant, par_m2 from cimetiere.tarif
       where annee = ${annee} and nature = ${nature} and duree_type = ${dureeType}
         and (${dureeType} <> 'temporaire' or duree = ${duree})
       order by libelle, tarif`.execute(db)
  ).rows;
  return rows.map((row) => ({ tarif: Number(row.tarif), annee: Number(row.annee), libelle: row.libelle, montant: Number(row.montant), par_m2: row.par_m2 }));
}

export async function lireTarif(db: Db, tarif: number): Promise<(TarifLu & { nature: string; duree_type: string; duree: number | null }) | undefined> {
  const row = (
    await sql<{ tarif: number; annee: number; libelle: string; montant: string; par_m2: boolean; nature: string; duree_type: string; duree: number | null }>`
      select tarif, annee, libelle, montant, par_m2, nature, duree_type, duree from cimetiere.tarif where tarif = ${tarif}`.execute(db)
  ).rows[0];
  return row ? { ...row, tarif: Number(row.tarif), annee: Number(row.annee), montant: Number(row.montant), duree: row.duree === null ? null : Number(row.duree) } : undefined;
}

export interface Payeur {
  readonly autorisation: number | null;
  readonly nom: string;
  readonly adresse1: string | null;
  readonly adresse2: string | null;
  readonly cp: string | null;
  readonly ville: string | null;
}

/** An autorisation as the payer of a bill: « DUPONT Jean » and its address. */
export async function payeurDe(db: Db, autorisation: number): Promise<Payeur | undefined> {
  const row = (
    await sql<{ autorisation: number; nom: string; prenom: string | null; adresse1: string | null; adresse2: string | null; cp: string | null; ville: string | null }>`
      select autorisation, nom, prenom, adresse1, adresse2, cp, ville from cimetiere.autorisation where autorisation = ${autorisation}`.execute(db)
  ).rows[0];
  if (!row) return undefined;
  return { autorisation: Number(row.autorisation), nom: [row.nom, row.prenom].filter(Boolean).join(' '), adresse1: row.adresse1, adresse2: row.adresse2, cp: row.cp, ville: row.ville };
}

/** The first living concessionnaire of the emplacement (the addressee of letters and bills). */
export async function premierConcessionnaire(db: Db, emplacement: number): Promise<number | undefined> {
  const row = (
    await sql<{ autorisation: number }>`select autorisation from cimetiere.autorisation
      where emplacement = ${emplacement} and nature = 'concessionnaire' and not decede order by autorisation limit 1`.execute(db)
  ).rows[0];
  return row ? Number(row.autorisation) : undefined;
}
