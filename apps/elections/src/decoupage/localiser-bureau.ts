/**
 * « Localiser » a bureau de vote from its address (issue 13 §6): its voie (one of the collectivité's
 * voies) and number, found among the address points of the Base Adresse Locale loaded with the voies.
 */
import { sql } from 'kysely';
import { localiserAdresse } from '../../../../framework/src/maps/adresses.ts';
import type { Localisateur } from '../../../../framework/src/maps/localiser.ts';

const entier = (texte: string | undefined): number | undefined => (texte !== undefined && /^\d{1,6}$/.test(texte) ? Number(texte) : undefined);

export const localisateurBureau: Localisateur = {
  champs: ['voie', 'numero_voie'],
  champGeometrie: 'geom',
  async localiser({ db, valeurs }) {
    const voie = entier(valeurs['voie']);
    if (voie === undefined) return null;
    const libelle = (await sql<{ libelle: string }>`select libelle from elections.voie where voie = ${voie}`.execute(db)).rows[0]?.libelle;
    return libelle === undefined ? null : localiserAdresse(db, libelle, entier(valeurs['numero_voie']));
  },
};
