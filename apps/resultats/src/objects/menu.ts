/** Where the résultats lists go in the menu: the elections under « Application », the bureaux under « Paramétrage ». */
import type { MenuPlacement } from '../../../../framework/src/model/override.ts';

export const TITLE = 'Résultats électoraux';

export const applicationMenu = (order: number, label: string): MenuPlacement => ({ rubrique: 'application', category: TITLE, order, label });

export const parametrageMenu = (order: number, label: string): MenuPlacement => ({ rubrique: 'parametrage', category: TITLE, order, label });
