/** « Fil du courrier » (`/courrier/fil/:courrier`): the thread of a mail, the current one marked. */
import type { Actor } from '../../../../framework/src/access/actor.ts';
import { RouteError, type AppPage, type PageContext } from '../../../../framework/src/model/app-routes.ts';
import type { Registry } from '../../../../framework/src/model/registry.ts';
import { LIBELLES_REGISTRE } from '../core/registres.ts';
import { dateFr } from '../enregistrement/dates.ts';
import { filDuCourrier, type CourrierDuFil } from './fil.ts';
import { FIL_PAGE } from './lien.ts';

const INTROUVABLE = 'Ce courrier n’existe pas ou vous ne pouvez pas le consulter.';

function FilPage({ fil, courant }: { fil: readonly CourrierDuFil[]; courant: number }) {
  if (fil.length === 1) return <p>Ce courrier n’est lié à aucun autre courrier.</p>;
  return (
    <table class="table" id="fil-du-courrier">
      <caption>Les {String(fil.length)} courriers du fil, par date</caption>
      <thead>
        <tr>
          <th scope="col">Numéro</th>
          <th scope="col">Registre</th>
          <th scope="col">Date</th>
          <th scope="col">Correspondant</th>
          <th scope="col">Objet</th>
        </tr>
      </thead>
      <tbody>
        {fil.map((c) => (
          <tr class={c.courrier === courant ? 'courant' : undefined}>
            <th scope="row">
              <a href={`/courrier/courrier/${c.courrier}`} aria-current={c.courrier === courant ? 'page' : undefined}>
                {c.numero}
              </a>
              {c.courrier === courant ? <span class="visuellement-cache"> (ce courrier)</span> : null}
            </th>
            <td>{LIBELLES_REGISTRE[c.registre]}</td>
            <td>{c.date ? dateFr(c.date) : ''}</td>
            <td>{c.correspondant}</td>
            <td>{c.objet}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

async function filHandler(context: PageContext<Actor>) {
  const cle = Number(context.params['courrier']);
  const fil = Number.isSafeInteger(cle) && cle > 0 ? await context.read((db) => filDuCourrier(db, cle)) : undefined;
  if (!fil) throw RouteError.notFound(INTROUVABLE);
  const courant = fil.find((c) => c.courrier === cle);
  return {
    title: `Fil du courrier ${courant?.numero ?? ''}`,
    breadcrumb: [{ label: 'Courrier', href: '/courrier/courrier' }, { label: courant?.numero ?? '', href: `/courrier/courrier/${cle}` }, { label: 'Fil du courrier' }],
    body: <FilPage fil={fil} courant={cle} />,
  };
}

const filPage: AppPage = { app: 'courrier', path: `${FIL_PAGE}/:courrier`, permission: 'courrier.courrier_consulter', handler: filHandler };

export function registerFil(registry: Registry): void {
  registry.addPage(filPage);
}
