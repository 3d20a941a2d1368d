/** « Historique du correspondant » (`/courrier/historique-correspondant/:correspondant`). */
import type { Actor } from '../../../../framework/src/access/actor.ts';
import { RouteError, type AppPage, type PageContext } from '../../../../framework/src/model/app-routes.ts';
import type { Registry } from '../../../../framework/src/model/registry.ts';
import { LIBELLES_REGISTRE } from '../core/registres.ts';
import { aujourdhui, dateFr } from '../enregistrement/dates.ts';
import { historiqueDuCorrespondant, type LigneHistorique } from './historique.ts';
import { HISTORIQUE_PAGE } from './lien.ts';

const INTROUVABLE = 'Ce correspondant n’existe pas ou vous ne pouvez pas le consulter.';

function etatDesTaches(ligne: LigneHistorique): string {
  if (ligne.taches === 0) return 'aucune';
  const parties = [`${ligne.soldees} soldée${ligne.soldees > 1 ? 's' : ''} sur ${ligne.taches}`];
  if (ligne.enRetard > 0) parties.push(`${ligne.enRetard} en retard`);
  return parties.join(', ');
}

function HistoriquePage({ lignes }: { lignes: readonly LigneHistorique[] }) {
  if (lignes.length === 0) return <p>Aucun courrier de ce correspondant.</p>;
  return (
    <table class="table" id="historique-correspondant">
      <caption>Les {String(lignes.length)} courriers du correspondant, archives comprises, du plus récent au plus ancien</caption>
      <thead>
        <tr>
          <th scope="col">Date</th>
          <th scope="col">Registre</th>
          <th scope="col">Numéro</th>
          <th scope="col">Objet</th>
          <th scope="col">Service</th>
          <th scope="col">Tâches</th>
        </tr>
      </thead>
      <tbody>
        {lignes.map((ligne) => (
          <tr>
            <td>{ligne.date ? dateFr(ligne.date) : ''}</td>
            <td>{LIBELLES_REGISTRE[ligne.registre]}{ligne.archive ? ' (archivé)' : ''}</td>
            <th scope="row">
              <a href={ligne.href}>{ligne.numero}</a>
            </th>
            <td>{ligne.objet}</td>
            <td>{ligne.service}</td>
            <td>{etatDesTaches(ligne)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

async function historiqueHandler(context: PageContext<Actor>) {
  const cle = Number(context.params['correspondant']);
  const historique = Number.isSafeInteger(cle) && cle > 0 ? await context.read((db) => historiqueDuCorrespondant(db, cle, aujourdhui())) : undefined;
  if (!historique) throw RouteError.notFound(INTROUVABLE);
  return {
    title: `Historique du correspondant ${historique.correspondant}`,
    breadcrumb: [
      { label: 'Correspondants', href: '/courrier/correspondant' },
      { label: historique.correspondant, href: `/courrier/correspondant/${cle}` },
      { label: 'Historique' },
    ],
    body: <HistoriquePage lignes={historique.lignes} />,
  };
}

const historiquePage: AppPage = {
  app: 'courrier',
  path: `${HISTORIQUE_PAGE}/:correspondant`,
  permission: 'courrier.courrier_consulter',
  handler: historiqueHandler,
};

export function registerHistorique(registry: Registry): void {
  registry.addPage(historiquePage);
}
