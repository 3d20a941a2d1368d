/**
 * What part A of « Cimetière » adds besides its objects: the menu's links (emplacements per
 * nature, free places), the « recherche globale » page, the dashboard widgets, the « Calcul de
 * la place occupée » treatment and the states' daily update.
 */
import type { Registry } from '../../../../framework/src/model/registry.ts';
import { etatsDuJour } from '../core/etats-du-jour.ts';
import { registerMenu } from '../objects/menu.ts';
import { recherchePage } from '../recherche/page.tsx';
import { calculPlacePage } from './calcul-place.tsx';
import { rechercheWidget, supervisionWidget } from './widgets.ts';

export function registerEmplacements(registry: Registry): void {
  registerMenu(registry);
  registry.addPage(recherchePage);
  registry.addPage(calculPlacePage);
  registry.addWidget(rechercheWidget);
  registry.addWidget(supervisionWidget);
  registry.addDailyTask(etatsDuJour);
}
