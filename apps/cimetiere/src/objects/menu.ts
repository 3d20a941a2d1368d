/**
 * The menu of « Cimetière », in openCimetière's order (cimetiere.md §1): under « Application »,
 * the headings Emplacements, Recherche, Opérations, Concessions, Facturation, Archives; the
 * localisation and reference tables under « Paramétrage ». A heading's place is the order of its
 * first entry: each heading has its own hundred (`applicationMenu(RUBRIQUES_CIMETIERE.operations, 10, …)`).
 * Every part names its objects' placement with these helpers, never with a literal heading.
 */
import type { MenuEntry } from '../../../../framework/src/model/extensions.ts';
import { placeUnder, type MenuHeading, type MenuPlacement } from '../../../../framework/src/model/override.ts';
import type { Registry } from '../../../../framework/src/model/registry.ts';
import { NATURES_EMPLACEMENT_PLURIEL } from '../core/libelles.ts';

export type RubriqueCimetiere = MenuHeading;

export const RUBRIQUES_CIMETIERE = {
  emplacements: { category: 'Emplacements', base: 100 },
  recherche: { category: 'Recherche', base: 200 },
  operations: { category: 'Opérations', base: 300 },
  concessions: { category: 'Concessions', base: 400 },
  facturation: { category: 'Facturation', base: 500 },
  archives: { category: 'Archives', base: 600 },
  localisation: { category: 'Cimetière : localisation', base: 100 },
  referentiels: { category: 'Cimetière : tables de référence', base: 200 },
  tarifs: { category: 'Cimetière : tarifs', base: 300 },
} as const satisfies Record<string, RubriqueCimetiere>;

/** An entry under « Application », in one of the headings above, at `rang` (1–99) inside it. */
export const applicationMenu = (rubrique: RubriqueCimetiere, rang: number, label: string): MenuPlacement => placeUnder('application', rubrique, rang, label);

/** An entry under « Paramétrage » (localisation, tables de référence, tarifs). */
export const parametrageMenu = (rubrique: RubriqueCimetiere, rang: number, label: string): MenuPlacement => placeUnder('parametrage', rubrique, rang, label);

const LECTURE_EMPLACEMENT = ['cimetiere.emplacement', 'cimetiere.emplacement_tab'];

/** The listing of the emplacements of one nature (its advanced search, pre-filled). */
export const listeParNature = (nature: string): string => `/cimetiere/emplacement?filter%5Bnature%5D=${nature}`;

/** The free places of a nature: the listing filtered on nature and état « libre ». */
export const placesLibres = (nature: string): string => `${listeParNature(nature)}&filter%5Betat%5D=libre`;

/** The menu links that are listings with criteria: one per nature, and the free places. */
export function entreesEmplacements(): MenuEntry[] {
  const rubrique = RUBRIQUES_CIMETIERE.emplacements;
  const parNature = NATURES_EMPLACEMENT_PLURIEL.map((nature, index) => ({
    rubrique: 'application' as const,
    category: rubrique.category,
    order: rubrique.base + 10 + index,
    label: nature.label,
    href: listeParNature(nature.value),
    permissions: LECTURE_EMPLACEMENT,
  }));
  const recherche = RUBRIQUES_CIMETIERE.recherche;
  const libres = [
    { nature: 'concession', label: 'Concessions libres' },
    { nature: 'colombarium', label: 'Colombariums libres' },
    { nature: 'terrain_communal', label: 'Terrains communaux libres' },
  ].map((entree, index) => ({
    rubrique: 'application' as const,
    category: recherche.category,
    order: recherche.base + 20 + index,
    label: entree.label,
    href: placesLibres(entree.nature),
    permissions: LECTURE_EMPLACEMENT,
  }));
  return [...parNature, ...libres];
}

export function registerMenu(registry: Registry): void {
  for (const entry of entreesEmplacements()) registry.addMenuEntry(entry);
}
