/** The overrides of « Composition des bureaux », by table name. */
import type { ObjectOverride } from '../../../../framework/src/model/override.ts';
import { affectation } from './affectation.ts';
import { bureau } from './bureau.ts';
import { candidature } from './candidature.ts';
import { fonction } from './fonction.ts';
import { personne } from './personne.ts';
import { scrutin } from './scrutin.ts';

export const overrides: Readonly<Record<string, ObjectOverride>> = { affectation, bureau, candidature, fonction, personne, scrutin };
