/** The page `/resultats/analyse` (permission `resultats.election_consulter`, menu « Analyse »): history and comparisons. */
import type { AppPage, PageMessage } from '../../../../framework/src/model/app-routes.ts';
import type { Registry } from '../../../../framework/src/model/registry.ts';
import { analyse, electionsAuChoix, ELECTIONS_MAX, type Suivi } from './donnees.ts';
import { AnalysePage } from './page.tsx';

export const ANALYSE_PAGE = 'analyse';

function suiviDe(valeur: string | null): Suivi | undefined {
  const match = /^(nuance|libelle):(.+)$/s.exec(valeur ?? '');
  return match ? { par: match[1] === 'nuance' ? 'nuance' : 'libelle', valeur: match[2] ?? '' } : undefined;
}

const analysePage: AppPage = {
  app: 'resultats',
  path: ANALYSE_PAGE,
  permission: 'resultats.election_consulter',
  menu: { rubrique: 'application', category: 'Résultats électoraux', label: 'Analyse', order: 60 },
  async handler({ query, read }) {
    const messages: PageMessage[] = [];
    const demandees = [...new Set(query.getAll('election').map(Number).filter((id) => Number.isSafeInteger(id) && id > 0))];
    if (demandees.length > ELECTIONS_MAX) messages.push({ kind: 'warning', text: `Seules les ${ELECTIONS_MAX} premières élections cochées sont comparées : décochez-en pour en voir d’autres.` });
    const choisies = demandees.slice(0, ELECTIONS_MAX);
    const suivi = suiviDe(query.get('suivi'));
    const { elections, resultat } = await read(async (db) => ({
      elections: await electionsAuChoix(db),
      resultat: choisies.length > 0 ? await analyse(db, choisies, suivi) : undefined,
    }));
    if (query.has('election') && choisies.length === 0) messages.push({ kind: 'error', text: 'Cochez au moins une élection pour la comparer.' });
    return {
      title: 'Analyse des résultats',
      messages,
      body: AnalysePage({ elections, choisies, analyse: resultat, suivi }),
    };
  },
};

export function registerAnalyse(registry: Registry): void {
  registry.addPage(analysePage);
}
