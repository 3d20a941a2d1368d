/**
 * The menu of « Courrier », in openCourrier's order: under « Application », the headings Courrier
 * (arrivée, départ, recherche), Mon travail (mon courrier, courrier de mon service, tâches),
 * Correspondants, Traitements, Archives; the organisation and reference tables under « Paramétrage ».
 * A heading's place is the order of its first entry: each heading has its own hundred. Every part
 * names its objects' placement with these helpers, never with a literal heading.
 */
import { placeUnder, type MenuHeading, type MenuPlacement } from '../../../../framework/src/model/override.ts';

export type RubriqueCourrier = MenuHeading;

export const RUBRIQUES_COURRIER = {
  courrier: { category: 'Courrier', base: 100 },
  travail: { category: 'Mon travail', base: 200 },
  correspondants: { category: 'Correspondants', base: 300 },
  editions: { category: 'Éditions du courrier', base: 400 },
  traitements: { category: 'Traitements du courrier', base: 500 },
  archives: { category: 'Archives du courrier', base: 600 },
  organisation: { category: 'Courrier : organisation', base: 100 },
  referentiels: { category: 'Courrier : tables de référence', base: 200 },
} as const satisfies Record<string, RubriqueCourrier>;

/** An entry under « Application », in one of the headings above, at `rang` (1–99) inside it. */
export const applicationMenu = (rubrique: RubriqueCourrier, rang: number, label: string): MenuPlacement => placeUnder('application', rubrique, rang, label);

/** An entry under « Paramétrage » (organisation, tables de référence). */
export const parametrageMenu = (rubrique: RubriqueCourrier, rang: number, label: string): MenuPlacement => placeUnder('parametrage', rubrique, rang, label);
