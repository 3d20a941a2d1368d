/** The dashboard widgets of « Élections » (placed on the profiles' dashboards by migration 0005) and the working list's page. */
import type { Registry } from '../../../../framework/src/model/registry.ts';
import { parBureauWidget, parCommuneWidget, parListeWidget, rechercheWidget } from './electeurs.ts';
import { listeDeTravailPage } from './liste-de-travail.tsx';
import { tachesWidget } from './taches.ts';

export function registerTableauDeBord(registry: Registry): void {
  for (const widget of [rechercheWidget, tachesWidget, parListeWidget, parBureauWidget, parCommuneWidget]) registry.addWidget(widget);
  registry.addPage(listeDeTravailPage);
}
