/**
 * De-duplication of correspondents: the same name, first name, address and postal code, ignoring
 * accents and case (the generated column `cle_doublon`, om.fold), in the collectivité. Read as the
 * user, in the writing transaction.
 */
import { sql } from 'kysely';
import type { Db } from '../../../../framework/src/db/connection.ts';
import { libelleCorrespondant } from './libelle.ts';

export interface IdentiteCorrespondant {
  readonly nom: string;
  readonly prenom: string | null;
  readonly adresse1: string | null;
  readonly cp: string | null;
}

export interface Doublon {
  readonly correspondant: number;
  readonly libelle: string;
}

/** The existing correspondent with the same key, other than `sauf` (the one being changed). */
export async function doublonDe(db: Db, identite: IdentiteCorrespondant, collectivite: number, sauf?: number): Promise<Doublon | undefined> {
  const cle = [identite.nom, identite.prenom, identite.adresse1, identite.cp].map((part) => part ?? '').join('|');
  const { rows } = await sql<Record<string, unknown>>`
    select correspondant, nom, prenom, organisme, adresse1, cp, ville from courrier.correspondant
     where om_collectivite = ${collectivite} and cle_doublon = om.fold(${cle}::text)
       and (${sauf ?? null}::integer is null or correspondant <> ${sauf ?? null}::integer)
     order by correspondant limit 1`.execute(db);
  const row = rows[0];
  return row ? { correspondant: Number(row['correspondant']), libelle: libelleCorrespondant(row) } : undefined;
}
