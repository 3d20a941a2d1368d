/**
 * Les surcharges des tables de « Résultats électoraux », par nom de table : ce que le schéma ne dit pas (règles,
 * actions, écrans). `commun gen --app apps/resultats` écrit une fois src/objects/<table>.ts ; ajoutez ici
 * celles que vous remplissez, par exemple :
 *   import { maTable } from './ma_table.ts';
 *   export const overrides: Readonly<Record<string, ObjectOverride>> = { ma_table: maTable };
 */
import type { ObjectOverride } from '../../../../framework/src/model/override.ts';

export const overrides: Readonly<Record<string, ObjectOverride>> = {};
