/**
 * The cemetery's parameters (om_parametre of the collectivité, or of the niveau-2 one), with the
 * reference's defaults (cimetiere.md §2.11). The reference gives taille_cercueil as 5 in one place
 * and 1 in another: a coffin takes one place, so 1.
 */
import { sql } from 'kysely';
import type { Db } from '../../../../framework/src/db/connection.ts';

export interface ParametresCimetiere {
  readonly tailleCercueil: number;
  readonly tailleUrne: number;
  readonly tailleReduction: number;
  /** Years between inhumation and réduction. */
  readonly tempsReduction: number;
  /** Years of a terrain communal. */
  readonly dureeTerrainCommunal: number;
  /** m² of a terrain communal. */
  readonly superficieTerrainCommunal: number;
}

export const PARAMETRES_PAR_DEFAUT: ParametresCimetiere = {
  tailleCercueil: 1,
  tailleUrne: 0.1,
  tailleReduction: 0.5,
  tempsReduction: 5,
  dureeTerrainCommunal: 5,
  superficieTerrainCommunal: 2,
};

const NOMS: Readonly<Record<keyof ParametresCimetiere, string>> = {
  tailleCercueil: 'taille_cercueil',
  tailleUrne: 'taille_urne',
  tailleReduction: 'taille_reduction',
  tempsReduction: 'temps_reduction',
  dureeTerrainCommunal: 'duree_terraincommunal',
  superficieTerrainCommunal: 'superficie_terraincommunal',
};

/** A number typed by an administrator (« 0,5 » or « 0.5 »); the default when empty or unreadable. */
function nombre(valeur: string | undefined, defaut: number): number {
  if (valeur === undefined || valeur.trim() === '') return defaut;
  const lu = Number(valeur.trim().replace(',', '.'));
  return Number.isFinite(lu) && lu >= 0 ? lu : defaut;
}

/**
 * Read through `cimetiere.parametres_lus` (migration 0003): it works inside a treatment's
 * transaction (a hook), where the niveau-2 rows are hidden from a town's user by row-level security.
 */
export async function parametresCimetiere(db: Db, collectivite: number): Promise<ParametresCimetiere> {
  const { rows } = await sql<{ libelle: string; valeur: string }>`select libelle, valeur from cimetiere.parametres_lus(${collectivite}::integer)`.execute(db);
  const settings = new Map(rows.map((row) => [row.libelle, row.valeur]));
  const lus = Object.fromEntries(
    (Object.keys(NOMS) as (keyof ParametresCimetiere)[]).map((cle) => [cle, nombre(settings.get(NOMS[cle]), PARAMETRES_PAR_DEFAUT[cle])]),
  );
  return lus as unknown as ParametresCimetiere;
}
