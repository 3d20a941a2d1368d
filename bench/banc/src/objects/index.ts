import type { ObjectOverride } from '../../../../framework/src/model/override.ts';
import { categorie } from './categorie.ts';
import { commune } from './commune.ts';
import { inscrit } from './inscrit.ts';

/** The benchmark application's overrides: none beyond the generated behaviour. */
export const overrides: Readonly<Record<string, ObjectOverride>> = { categorie, commune, inscrit };
