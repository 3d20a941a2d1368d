/**
 * Part H1 of « Courrier »: the menu of the registers (arrivals, departures, register a mail), the
 * register forms' entry pages (today's date and the oldest waiting scan preset), the thread of a
 * mail and the history of a correspondent.
 */
import type { Actor } from '../../../../framework/src/access/actor.ts';
import type { AppPage, PageContext } from '../../../../framework/src/model/app-routes.ts';
import type { Registry } from '../../../../framework/src/model/registry.ts';
import { registerHistorique } from '../correspondants/page.tsx';
import { registerFil } from '../fil/page.tsx';
import { RUBRIQUES_COURRIER } from '../objects/menu.ts';
import { aujourdhui } from './dates.ts';
import { formulaireHref } from './liens.ts';
import { plusAncienScan } from './scan.ts';

const LISTE = '/courrier/courrier';
const LIRE = ['courrier.courrier_tab', 'courrier.courrier'];
const AJOUTER = ['courrier.courrier_ajouter', 'courrier.courrier'];

export const ENREGISTRER_PAGE = 'enregistrer';
export const enregistrerHref = (registre: 'arrivee' | 'depart') => `/courrier/${ENREGISTRER_PAGE}/${registre}`;

/** `GET /courrier/enregistrer/:registre`: the add form with the registre, today and the oldest waiting scan. */
async function versLeFormulaire(context: PageContext<Actor>) {
  const registre = context.params['registre'] === 'depart' ? 'depart' : 'arrivee';
  const jour = aujourdhui();
  const scan = registre === 'arrivee' ? await plusAncienScan(context.service.db.kysely, context.actor) : undefined;
  return {
    redirect: formulaireHref(
      registre === 'arrivee' ? { registre, date_arrivee: jour, scan } : { registre, date_signature: jour, scan },
    ),
  };
}

const enregistrer: AppPage = { app: 'courrier', path: `${ENREGISTRER_PAGE}/:registre`, permission: 'courrier.courrier_ajouter', handler: versLeFormulaire };

export function registerEnregistrement(registry: Registry): void {
  const { category, base } = RUBRIQUES_COURRIER.courrier;
  const entree = (rang: number, label: string, href: string, permissions: readonly string[]) =>
    registry.addMenuEntry({ rubrique: 'application', category, order: base + rang, label, href, permissions });
  entree(1, 'Courrier arrivé', `${LISTE}?${encodeURIComponent('filter[registre]')}=arrivee`, LIRE);
  entree(2, 'Courrier départ', `${LISTE}?${encodeURIComponent('filter[registre]')}=depart`, LIRE);
  entree(3, 'Enregistrer un courrier arrivé', enregistrerHref('arrivee'), AJOUTER);
  entree(4, 'Enregistrer un courrier départ', enregistrerHref('depart'), AJOUTER);
  registry.addPage(enregistrer);
  registerFil(registry);
  registerHistorique(registry);
}
