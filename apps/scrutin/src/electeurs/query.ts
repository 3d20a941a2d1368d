/**
 * The electors of the élections application, read as the user (row-level security applies): found
 * by name and birth date, and read back as the fields of a `personne`. No foreign key joins the two
 * schemas: the elector's id is kept as a plain number.
 */
import { sql } from 'kysely';
import type { Db } from '../../../../framework/src/db/connection.ts';
import { isoDate } from '../dates.ts';

export const RESULTATS_MAX = 20;

export interface ElecteurTrouve {
  readonly electeur: number;
  readonly nom: string;
  readonly prenoms: string;
  readonly date_naissance: string;
  readonly adresse: string;
  readonly bureau: string;
}

/** The search key of a name as elections.electeur.nom_recherche stores it: capitals, no accent. */
export function nomRecherche(nom: string): string {
  return nom
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[’'`-]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toUpperCase();
}

export async function chercherElecteurs(db: Db, nom: string, dateNaissance: string | undefined): Promise<ElecteurTrouve[]> {
  const rows = (
    await sql<{ electeur: number; nom: string; prenoms: string; date_naissance: unknown; adresse: string; bureau: string | null }>`
      select e.electeur, e.nom, e.prenoms, e.date_naissance,
             concat_ws(' ', nullif(e.numero, 0)::text, e.complement_numero, v.libelle) as adresse,
             b.code || ' ' || b.libelle as bureau
        from elections.electeur e
        join elections.voie v on v.voie = e.voie
        left join elections.bureau b on b.bureau = e.bureau
       where e.nom_recherche like ${`${nomRecherche(nom)}%`}
         and (${dateNaissance ?? null}::date is null or e.date_naissance = ${dateNaissance ?? null}::date)
       order by e.nom_recherche, e.prenoms, e.date_naissance, e.electeur
       limit ${RESULTATS_MAX}`.execute(db)
  ).rows;
  return rows.map((row) => ({ ...row, electeur: Number(row.electeur), date_naissance: isoDate(row.date_naissance), bureau: row.bureau ?? '' }));
}

/** The fields of a `personne` for an elector: address from the list, commune and département of the collectivité. */
export async function personneDeLElecteur(db: Db, electeur: number): Promise<Record<string, unknown> | undefined> {
  const row = (
    await sql<{ nom: string; prenoms: string; date_naissance: unknown; adresse: string; telephone: string | null; courriel: string | null; commune: string; departement: string | null; om_collectivite: number }>`
      select e.nom, e.prenoms, e.date_naissance, e.telephone, e.courriel, e.om_collectivite,
             concat_ws(' ', nullif(e.numero, 0)::text, e.complement_numero, v.libelle) || coalesce(', ' || e.complement, '')
               || coalesce(', ' || v.code_postal, '') || coalesce(' ' || v.ville, '') as adresse,
             coalesce((select p.valeur from om.om_parametre p where p.libelle = 'ville' and p.om_collectivite = e.om_collectivite), c.libelle) as commune,
             coalesce((select p.valeur from om.om_parametre p where p.libelle = 'departement' and p.om_collectivite = e.om_collectivite),
                      (select s.departement from scrutin.scrutin s where s.om_collectivite = e.om_collectivite order by s.date_scrutin desc limit 1)) as departement
        from elections.electeur e
        join elections.voie v on v.voie = e.voie
        join om.om_collectivite c on c.om_collectivite = e.om_collectivite
       where e.electeur = ${electeur}`.execute(db)
  ).rows[0];
  if (!row) return undefined;
  return {
    nom: row.nom,
    prenom: row.prenoms,
    date_naissance: isoDate(row.date_naissance),
    adresse: row.adresse.slice(0, 200),
    telephone: row.telephone,
    courriel: row.courriel,
    commune_inscription: row.commune,
    departement_inscription: row.departement,
  };
}

/** The personne already made from this elector in the user's collectivité, if any. */
export async function personneExistante(db: Db, electeur: number): Promise<number | undefined> {
  const row = (await sql<{ personne: number }>`select personne from scrutin.personne where electeur = ${electeur} order by personne limit 1`.execute(db)).rows[0];
  return row ? Number(row.personne) : undefined;
}
