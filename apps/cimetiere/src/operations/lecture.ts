/** What the operation checks and treatments read: an emplacement with its occupation, the défunts concerned. */
import { sql } from 'kysely';
import type { Db } from '../../../../framework/src/db/connection.ts';

export interface EmplacementLu {
  readonly emplacement: number;
  readonly nature: string;
  readonly libelle: string;
  readonly nombrePlaces: number;
  /** Σ sizes of the défunts still there (computed now, not the stored column). */
  readonly placeOccupee: number;
  readonly concessionActive: boolean;
}

/** « Cimetière de Lalala, Carré A, Allée des Cyprès n° 12 bis ». */
export const libelleEmplacementSql = sql<string>`concat_ws(', ', c.libelle, z.libelle, v.libelle || ' n° ' || e.numero || coalesce(' ' || e.complement, ''))`;

export async function lireEmplacement(trx: Db, emplacement: unknown): Promise<EmplacementLu | undefined> {
  const key = Number(emplacement);
  if (!Number.isSafeInteger(key)) return undefined;
  const result = await sql<{ emplacement: number; nature: string; libelle: string; nombre_places: string; place_occupee: string; concession_active: boolean }>`
    select e.emplacement, e.nature, ${libelleEmplacementSql} as libelle, e.nombre_places,
           coalesce((select sum(d.taille) from cimetiere.defunt d where d.emplacement = e.emplacement and not d.exhumation), 0) as place_occupee,
           exists (select from cimetiere.concession k where k.emplacement = e.emplacement and k.etat = 'active') as concession_active
      from cimetiere.emplacement e
      join cimetiere.voie v on v.voie = e.voie
      join cimetiere.zone z on z.zone = v.zone
      join cimetiere.cimetiere c on c.cimetiere = z.cimetiere
     where e.emplacement = ${key}`.execute(trx);
  const row = result.rows[0];
  if (!row) return undefined;
  return {
    emplacement: Number(row.emplacement),
    nature: row.nature,
    libelle: row.libelle,
    nombrePlaces: Number(row.nombre_places),
    placeOccupee: Number(row.place_occupee),
    concessionActive: Boolean(row.concession_active),
  };
}

export interface DefuntLu {
  readonly defunt: number;
  readonly emplacement: number;
  readonly nature: 'cercueil' | 'urne' | 'reduction';
  readonly taille: number;
  readonly nom: string;
  readonly prenom: string | null;
  readonly titre: string | null;
  readonly dateInhumation: string | null;
  readonly exhumation: boolean;
  readonly dateExhumation: string | null;
}

type DefuntRow = {
  defunt: number; emplacement: number; nature: DefuntLu['nature']; taille: string; nom: string; prenom: string | null;
  titre: string | null; date_inhumation: string | null; exhumation: boolean; date_exhumation: string | null;
};

const versDefunt = (row: DefuntRow): DefuntLu => ({
  defunt: Number(row.defunt),
  emplacement: Number(row.emplacement),
  nature: row.nature,
  taille: Number(row.taille),
  nom: row.nom,
  prenom: row.prenom,
  titre: row.titre,
  dateInhumation: row.date_inhumation,
  exhumation: Boolean(row.exhumation),
  dateExhumation: row.date_exhumation,
});

const selectDefunts = sql`select d.defunt, d.emplacement, d.nature, d.taille, d.nom, d.prenom, t.libelle as titre,
       d.date_inhumation, d.exhumation, d.date_exhumation
  from cimetiere.defunt d left join cimetiere.titre t on t.titre = d.titre`;

export async function lireDefunt(trx: Db, defunt: unknown): Promise<DefuntLu | undefined> {
  const key = Number(defunt);
  if (!Number.isSafeInteger(key)) return undefined;
  const result = await sql<DefuntRow>`${selectDefunts} where d.defunt = ${key}`.execute(trx);
  return result.rows[0] ? versDefunt(result.rows[0]) : undefined;
}

/** The défunts concerned by an operation, in the order they were added. */
export async function defuntsConcernes(trx: Db, operation: unknown): Promise<DefuntLu[]> {
  const result = await sql<DefuntRow>`${selectDefunts}
     join cimetiere.operation_defunt od on od.defunt = d.defunt
    where od.operation = ${Number(operation)} order by od.operation_defunt`.execute(trx);
  return result.rows.map(versDefunt);
}

/** The number of another active operation concerning the défunt, if any. */
export async function autreOperationActive(trx: Db, defunt: number, operation: unknown): Promise<string | undefined> {
  const result = await sql<{ numero: string }>`select o.numero from cimetiere.operation_defunt od
      join cimetiere.operation o on o.operation = od.operation
     where od.defunt = ${defunt} and o.etat = 'actif' and o.operation is distinct from ${operation === undefined || operation === null ? null : Number(operation)}::integer
     order by o.operation limit 1`.execute(trx);
  return result.rows[0]?.numero;
}
