/**
 * The work queues under « Mon travail »: « Mon courrier », « Courrier de mon service », « Tâches non
 * soldées » and « Tâches en retard ». Read as the user: what row-level security hides stays hidden.
 */
import type { AppPage, PageContext, PageMenu } from '../../../../framework/src/model/app-routes.ts';
import type { Actor } from '../../../../framework/src/access/actor.ts';
import { agentDe, servicesVisibles } from '../core/agents.ts';
import { applicationMenu, RUBRIQUES_COURRIER } from '../objects/menu.ts';
import { comptesParService, courrierDuService, monCourrier, tachesOuvertes } from './requetes.ts';
import { FiltreService, Pagination, TableComptes, TableCourriers, TableTaches } from './vues.tsx';

export const CHEMINS_TRAVAIL = {
  monCourrier: 'mon-courrier',
  courrierDuService: 'courrier-du-service',
  nonSoldees: 'taches-non-soldees',
  enRetard: 'taches-en-retard',
} as const;

/** An entry under « Mon travail » (the placement's label is always given here). */
const menuTravail = (rang: number, label: string): PageMenu => ({ ...applicationMenu(RUBRIQUES_COURRIER.travail, rang, label), label });

const adresse = (chemin: string, parametres: Record<string, string | number | undefined>) => {
  const query = new URLSearchParams();
  for (const [nom, valeur] of Object.entries(parametres)) if (valeur !== undefined && valeur !== '') query.set(nom, String(valeur));
  const texte = query.toString();
  return `/courrier/${chemin}${texte ? `?${texte}` : ''}`;
};

const entier = (valeur: string | null): number | undefined => {
  const lu = Number(valeur);
  return valeur !== null && valeur !== '' && Number.isInteger(lu) && lu > 0 ? lu : undefined;
};

const SANS_AGENT = <p>Vous n’avez pas de fiche d’agent du courrier : demandez au responsable du courrier de vous rattacher à un service.</p>;

export const monCourrierPage: AppPage = {
  app: 'courrier',
  path: CHEMINS_TRAVAIL.monCourrier,
  permission: 'courrier.courrier_tab',
  menu: menuTravail(1, 'Mon courrier'),
  async handler({ read, actor, query }: PageContext<Actor>) {
    const titre = 'Mon courrier';
    const page = entier(query.get('page')) ?? 1;
    const resultat = await read(async (db) => {
      const agent = await agentDe(db, actor);
      return agent ? monCourrier(db, agent.agent, page) : undefined;
    });
    if (!resultat) return { title: titre, body: SANS_AGENT };
    return {
      title: titre,
      body: (
        <>
          <p>Les courriers dont vous êtes le référent, ceux d’une tâche qui vous est confiée et pas encore soldée, ceux dont le visa vous attend.</p>
          {resultat.total === 0 ? (
            <p>Aucun courrier ne vous attend.</p>
          ) : (
            <>
              <TableCourriers id="mon-courrier" legende={`Mon courrier (${resultat.total})`} page={resultat} colonne="motifs" />
              <Pagination page={resultat} adresse={(numero) => adresse(CHEMINS_TRAVAIL.monCourrier, { page: numero })} />
            </>
          )}
        </>
      ),
    };
  },
};

export const courrierDuServicePage: AppPage = {
  app: 'courrier',
  path: CHEMINS_TRAVAIL.courrierDuService,
  permission: 'courrier.courrier_tab',
  menu: menuTravail(2, 'Courrier de mon service'),
  async handler({ read, actor, query }: PageContext<Actor>) {
    const titre = 'Courrier de mon service';
    const page = entier(query.get('page')) ?? 1;
    const resultat = await read(async (db) => {
      const agent = await agentDe(db, actor);
      if (!agent) return undefined;
      return courrierDuService(db, agent.agent, await servicesVisibles(db), page);
    });
    if (!resultat) return { title: titre, body: SANS_AGENT };
    return {
      title: titre,
      body: (
        <>
          <p>Le courrier traité par votre service (et ses sous-services quand le paramètre vue_sous_service le prévoit) et celui qu’il reçoit en copie, le plus récent d’abord.</p>
          {resultat.total === 0 ? (
            <p>Aucun courrier pour votre service.</p>
          ) : (
            <>
              <TableCourriers id="courrier-du-service" legende={`Courrier de mon service (${resultat.total})`} page={resultat} colonne="copie" />
              <Pagination page={resultat} adresse={(numero) => adresse(CHEMINS_TRAVAIL.courrierDuService, { page: numero })} />
            </>
          )}
        </>
      ),
    };
  },
};

function pageDeTaches(enRetard: boolean): AppPage {
  const chemin = enRetard ? CHEMINS_TRAVAIL.enRetard : CHEMINS_TRAVAIL.nonSoldees;
  const titre = enRetard ? 'Tâches en retard' : 'Tâches non soldées';
  return {
    app: 'courrier',
    path: chemin,
    permission: 'courrier.tache_tab',
    menu: menuTravail(enRetard ? 11 : 10, titre),
    async handler({ read, query }: PageContext<Actor>) {
      const service = entier(query.get('service'));
      const page = entier(query.get('page')) ?? 1;
      const { comptes, taches } = await read(async (db) => ({
        comptes: await comptesParService(db),
        taches: await tachesOuvertes(db, { enRetard, service }, page),
      }));
      const affiches = enRetard ? comptes.filter((c) => c.enRetard > 0) : comptes;
      const choisi = comptes.find((c) => c.service === service);
      const legende = `${titre}${choisi ? ` — ${choisi.libelle}` : ''} (${taches.total})`;
      return {
        title: titre,
        body: (
          <>
            <p>
              {enRetard
                ? 'Les tâches dont la date butoir est passée et qui ne sont pas soldées, la plus ancienne d’abord.'
                : 'Les tâches qui ne sont pas soldées, les tâches en retard d’abord.'}
            </p>
            {affiches.length > 0 ? <TableComptes comptes={affiches} lien={(cle) => adresse(chemin, { service: cle })} /> : null}
            <FiltreService action={`/courrier/${chemin}`} services={affiches} choisi={service} />
            {taches.total === 0 ? (
              <p>{enRetard ? 'Aucune tâche en retard.' : 'Aucune tâche non soldée.'}</p>
            ) : (
              <>
                <TableTaches id={chemin} legende={legende} page={taches} />
                <Pagination page={taches} adresse={(numero) => adresse(chemin, { service, page: numero })} />
              </>
            )}
          </>
        ),
      };
    },
  };
}

export const tachesNonSoldeesPage = pageDeTaches(false);
export const tachesEnRetardPage = pageDeTaches(true);
