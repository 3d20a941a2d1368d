/**
 * « Éditions du courrier »: the récapitulatif and the accusé de réception of a mail (documents of
 * migration 0005, offered on the mail's page, `courrierDocuments`), the register of a period and
 * the statistics (pages under « Application › Éditions du courrier »).
 */
import type { Registry } from '../../../../framework/src/model/registry.ts';
import { registrePage } from './registre-page.tsx';
import { statistiquesCsv, statistiquesPage } from './statistiques-page.tsx';

export { courrierDocuments } from './documents.ts';

export function registerEditions(registry: Registry): void {
  registry.addPage(registrePage);
  registry.addPage(statistiquesPage);
  registry.addApiRoute(statistiquesCsv);
}
