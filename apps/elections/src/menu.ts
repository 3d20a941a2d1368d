/**
 * Where the application's lists go in the menu, as in openElec: electors, movements and scrutins
 * under « Application › Élections »; under « Paramétrage », the découpage, the reference tables and
 * the business settings, each under its heading.
 */
import type { MenuPlacement } from '../../../framework/src/model/override.ts';

export const TITLE = 'Élections';

export const HEADINGS = {
  decoupage: 'Découpage',
  references: 'Tables de références',
  metier: 'Métier',
} as const;

export const applicationMenu = (order: number, label: string): MenuPlacement => ({ rubrique: 'application', category: TITLE, order, label });

export const parametrageMenu = (heading: keyof typeof HEADINGS, order: number, label: string): MenuPlacement => ({
  rubrique: 'parametrage',
  category: HEADINGS[heading],
  order,
  label,
});
