/** A movement's category and state, read once: what the save rules and the actions decide on. */
import { sql, type Transaction } from 'kysely';
import type { Row, Schema } from '../../../../framework/src/db/index.ts';
import type { CategorieMouvement, EtatMouvement } from '../rules/doublons.ts';

export async function categorieOf(trx: Transaction<Schema>, typeMouvement: unknown): Promise<CategorieMouvement | undefined> {
  if (typeof typeMouvement !== 'string' || typeMouvement === '') return undefined;
  const found = await sql<{ categorie: CategorieMouvement }>`select categorie from elections.type_mouvement where type_mouvement = ${typeMouvement}`.execute(trx);
  return found.rows[0]?.categorie;
}

/** States in which a movement is still being examined: its form may change, it may be decided. */
export const ETATS_EN_COURS: readonly EtatMouvement[] = ['a_instruire', 'en_attente'];

export const etatOf = (row: Row): EtatMouvement => (typeof row.etat === 'string' ? (row.etat as EtatMouvement) : 'a_instruire');

/** The elector's fields a movement carries a copy of (its snapshot). */
export const SNAPSHOT_FIELDS = [
  'civilite', 'sexe', 'nom', 'nom_usage', 'prenoms', 'date_naissance', 'naissance_lieu', 'commune_naissance', 'pays_naissance',
  'departement_algerie', 'libelle_lieu_naissance', 'nationalite', 'voie', 'numero', 'complement_numero', 'complement',
  'contact_adresse', 'contact_complement', 'contact_code_postal', 'contact_ville', 'telephone', 'courriel',
  'bureau', 'bureau_force', 'motif_bureau_force',
] as const;

/** Needed to create an elector (inscription) or to keep one whole (modification). */
export const REQUIRED_FOR_ELECTEUR = ['civilite', 'sexe', 'nom', 'prenoms', 'date_naissance', 'naissance_lieu', 'nationalite', 'voie'] as const;
