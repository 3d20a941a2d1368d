/**
 * Part « départ, archives, registres » of the mail registry: the departure mail's visa circuit and
 * sending (actions in `actions.ts`, the step rules in `etapes.ts`, the lock of a parti mail in
 * `verrou.ts`), the archiving (../archives) and the registers' reset (../registres).
 */
import type { Registry } from '../../../../framework/src/model/registry.ts';
import { dossierArchivePage, documentArchiveRoute } from '../archives/dossier-page.tsx';
import { archivagePage } from '../archives/page.tsx';
import { registresPage } from '../registres/page.tsx';

export { actionsDepart } from './actions.ts';
export { verifierDepartModifiable } from './verrou.ts';

export function registerDepartArchivesRegistres(registry: Registry): void {
  registry.addPage(archivagePage);
  registry.addPage(dossierArchivePage);
  registry.addApiRoute(documentArchiveRoute);
  registry.addPage(registresPage);
}
