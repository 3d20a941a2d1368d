/**
 * Les surcharges des tables de « Résultats électoraux », par nom de table : ce que le schéma ne dit pas (règles,
 * actions, écrans). `commun gen --app apps/resultats` écrit une fois src/objects/<table>.ts ; ajoutez ici
 * celles que vous remplissez, par exemple :
 *   import { maTable } from './ma_table.ts';
 *   export const overrides: Readonly<Record<string, ObjectOverride>> = { ma_table: maTable };
 */
import type { ObjectOverride } from '../../../../framework/src/model/override.ts';
import { bureau } from './bureau.ts';
import { candidat } from './candidat.ts';
import { candidature } from './candidature.ts';
import { deverrouillage } from './deverrouillage.ts';
import { election } from './election.ts';
import { electionBureau } from './election_bureau.ts';
import { participation } from './participation.ts';
import { tranche } from './tranche.ts';
import { voix } from './voix.ts';

export const overrides: Readonly<Record<string, ObjectOverride>> = {
  bureau,
  candidat,
  candidature,
  deverrouillage,
  election,
  election_bureau: electionBureau,
  participation,
  tranche,
  voix,
};
