/**
 * `/scrutin/controle` (the scrutins) and `/scrutin/controle/:scrutin` (the control of one): read
 * as the user, who needs to consult the scrutins.
 */
import { RouteError, type AppPage } from '../../../../framework/src/model/app-routes.ts';
import type { Registry } from '../../../../framework/src/model/registry.ts';
import { TITRE } from '../menu.ts';
import { ChoixScrutin, ControlePage } from './page.tsx';
import { controleComposition, scrutinResume, scrutinsRecents } from './query.ts';

export const CONTROLE_PERMISSION = 'scrutin.scrutin_consulter';
const TITLE = 'Contrôle de la composition';

const listePage: AppPage = {
  app: 'scrutin',
  path: 'controle',
  permission: CONTROLE_PERMISSION,
  menu: { rubrique: 'application', category: TITRE, order: 50, label: TITLE },
  async handler({ read }) {
    const scrutins = await read((db) => scrutinsRecents(db));
    return { title: TITLE, body: ChoixScrutin({ scrutins }) };
  },
};

const controlePage: AppPage = {
  app: 'scrutin',
  path: 'controle/:scrutin',
  permission: CONTROLE_PERMISSION,
  async handler({ read, params }) {
    const key = Number(params['scrutin']);
    if (!Number.isInteger(key) || key <= 0) throw RouteError.notFound('Ce scrutin n’existe pas : choisissez-le dans « Contrôle de la composition ».');
    const result = await read(async (db) => {
      const scrutin = await scrutinResume(db, key);
      return scrutin ? { scrutin, bureaux: await controleComposition(db, key) } : undefined;
    });
    if (!result) throw RouteError.notFound('Ce scrutin n’existe pas ou n’est pas celui de votre collectivité : choisissez-le dans « Contrôle de la composition ».');
    return {
      title: `${TITLE} : ${result.scrutin.libelle}`,
      breadcrumb: [{ label: TITLE, href: '/scrutin/controle' }, { label: result.scrutin.libelle }],
      body: ControlePage(result),
    };
  },
};

export function registerControle(registry: Registry): void {
  registry.addPage(listePage);
  registry.addPage(controlePage);
}
