/** The overrides of the tables of « Élections », by table name: what the schema does not say (rules, screens, menu). */
import type { ObjectOverride } from '../../../../framework/src/model/override.ts';
import { bureau } from './bureau.ts';
import { canton } from './canton.ts';
import { circonscription } from './circonscription.ts';
import { commune } from './commune.ts';
import { decoupage } from './decoupage.ts';
import { departement } from './departement.ts';
import { departementAlgerie } from './departement_algerie.ts';
import { electeur } from './electeur.ts';
import { liste } from './liste.ts';
import { mouvement } from './mouvement.ts';
import { nationalite } from './nationalite.ts';
import { pays } from './pays.ts';
import { piece } from './piece.ts';
import { region } from './region.ts';
import { scrutin } from './scrutin.ts';
import { typeMouvement } from './type_mouvement.ts';
import { typePiece } from './type_piece.ts';
import { voie } from './voie.ts';
import { withListeDeTravail } from '../tableau-de-bord/liste-de-travail.tsx';

export const overrides: Readonly<Record<string, ObjectOverride>> = {
  bureau,
  canton,
  circonscription,
  commune,
  decoupage,
  departement,
  departement_algerie: departementAlgerie,
  electeur: withListeDeTravail(electeur),
  liste,
  mouvement: withListeDeTravail(mouvement),
  nationalite,
  pays,
  piece,
  region,
  scrutin,
  type_mouvement: typeMouvement,
  type_piece: typePiece,
  voie,
};
