/**
 * The public results, without login (permission `public`), each read with the row-level security of
 * the collectivité named in the address (`readPublic`):
 * - `GET /resultats/public/:collectivite`: its published elections, newest first;
 * - `GET /resultats/public/:collectivite/:election`: the results page (screen in the town hall, web);
 * - `GET /api/v1/resultats/public/:collectivite/:election`: the same figures in JSON, polled every
 *   10 s by the page's script, with an ETag (304 while nothing changed). The figures are computed
 *   at most once a second per election, whatever the number of viewers.
 */
import { PUBLIC_ROUTE, RouteError, type RouteContext } from '../../../../framework/src/model/app-routes.ts';
import type { Registry } from '../../../../framework/src/model/registry.ts';
import { assetUrl } from '../../../../framework/src/web/static/routes.ts';
import type { Actor } from '../../../../framework/src/access/actor.ts';
import { cachePublic, type CachePublic } from './cache.ts';
import { electionsPubliees, nomCollectivite, resultatsPublics, type ResultatsPublics } from './donnees.ts';
import { message } from './messages.ts';
import { ListeElections, pagePublique, ResultatsPage, sousTitre } from './page.tsx';

export const PUBLIC_PATH = 'public';

interface Publication {
  readonly resultats: ResultatsPublics;
  readonly collectiviteNom: string;
}

/** A positive integer of the address, or `NaN` (which `readPublic` and the lookups refuse with a 404). */
const entier = (value: string | undefined): number => (value !== undefined && /^[1-9]\d{0,9}$/.test(value) ? Number(value) : Number.NaN);

async function publication(context: RouteContext<Actor | undefined>, cache: CachePublic<Publication | undefined>): Promise<Publication> {
  const collectivite = entier(context.params.collectivite);
  const election = entier(context.params.election);
  const found = await cache.obtenir(`${collectivite}:${election}`, () =>
    context.readPublic(collectivite, async (db) => {
      if (Number.isNaN(election)) return undefined;
      const resultats = await resultatsPublics(db, collectivite, election);
      return resultats ? { resultats, collectiviteNom: await nomCollectivite(db, collectivite) } : undefined;
    }),
  );
  if (!found) throw RouteError.notFound(message('electionIntrouvable'));
  return found;
}

/** Registers the public pages and their JSON endpoint; `cache` is given by the tests to empty it. */
export function registerPublic(registry: Registry, cache: CachePublic<Publication | undefined> = cachePublic()): void {
  registry.addPage({
    app: 'resultats',
    path: `${PUBLIC_PATH}/:collectivite`,
    permission: PUBLIC_ROUTE,
    handler: async ({ params, readPublic }) => {
      const collectivite = entier(params.collectivite);
      const { nom, elections } = await readPublic(collectivite, async (db) => ({ nom: await nomCollectivite(db, collectivite), elections: await electionsPubliees(db) }));
      const title = message('titreListe', { collectivite: nom });
      return { title, breadcrumb: [{ label: title }], body: <ListeElections collectivite={collectivite} elections={elections} /> };
    },
  });
  registry.addPage({
    app: 'resultats',
    path: `${PUBLIC_PATH}/:collectivite/:election`,
    permission: PUBLIC_ROUTE,
    handler: async (context) => {
      const { resultats, collectiviteNom } = await publication(context, cache);
      return {
        title: resultats.election.libelle,
        breadcrumb: [
          { label: message('titreListe', { collectivite: collectiviteNom }), href: pagePublique(resultats.collectivite) },
          { label: `${resultats.election.libelle} (${sousTitre(resultats.election)})` },
        ],
        body: <ResultatsPage resultats={resultats} collectiviteNom={collectiviteNom} chartSrc={assetUrl('chart.umd.min.js')} />,
      };
    },
  });
  registry.addApiRoute({
    app: 'resultats',
    method: 'GET',
    path: `${PUBLIC_PATH}/:collectivite/:election`,
    permission: PUBLIC_ROUTE,
    etag: true,
    doc: {
      summary: 'Résultats publics d’une élection (bureaux validés seulement)',
      description:
        'Les chiffres de la page publique des résultats : bureaux dépouillés, participation par tranche horaire, voix et pourcentages par candidature, ' +
        'chiffres de chaque bureau validé (les autres sont en attente, sans chiffres), sièges des municipales. Réponse avec ETag : ' +
        'envoyez If-None-Match pour recevoir 304 tant que rien n’a changé. Une élection en préparation ou d’une autre collectivité : 404.',
    },
    handler: async (context) => (await publication(context, cache)).resultats,
  });
}
