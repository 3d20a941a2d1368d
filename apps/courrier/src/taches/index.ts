/**
 * What the tasks part of « Courrier » adds besides its objects: the work queues under « Mon
 * travail » and the dashboard widgets.
 */
import type { Registry } from '../../../../framework/src/model/registry.ts';
import { courrierDuServicePage, monCourrierPage, tachesEnRetardPage, tachesNonSoldeesPage } from '../travail/pages.tsx';
import { WIDGETS_COURRIER } from '../travail/widgets.ts';

export function registerTaches(registry: Registry): void {
  for (const page of [monCourrierPage, courrierDuServicePage, tachesNonSoldeesPage, tachesEnRetardPage]) registry.addPage(page);
  for (const widget of WIDGETS_COURRIER) registry.addWidget(widget);
}
