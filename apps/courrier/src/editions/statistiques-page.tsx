/**
 * « Statistiques du courrier » (right `courrier.statistiques`): for a period, the arrivals per
 * processing service (received, reply wanted, answered, on time, late, average delay, open tasks)
 * with their total, a chart, and smaller tables per nature and per catégorie; exported as CSV
 * (`/api/v1/courrier/editions/statistiques/csv`) and as PDF (the état `courrier_statistiques`,
 * printed as a job). Everything is read as the user.
 */
import type { Actor } from '../../../../framework/src/access/actor.ts';
import { todayInParis } from '../../../../framework/src/jobs/daily.ts';
import { JobRefused } from '../../../../framework/src/jobs/index.ts';
import { RouteError, RouteFile, type ApiRoute, type AppPage, type PageContext } from '../../../../framework/src/model/app-routes.ts';
import { applicationMenu, RUBRIQUES_COURRIER } from '../objects/menu.ts';
import { ChampDate, messagesErreurs } from './formulaire.tsx';
import { GraphiqueServices } from './graphique.tsx';
import { lancerEdition } from './impression.ts';
import { cleStatistiques, dateFr, lirePeriode, type ErreursPeriode, type Periode } from './periode.ts';
import { csvStatistiques } from './statistiques-csv.ts';
import { chiffre, COLONNES, statistiquesCourrier, type LigneStatistique, type Statistiques } from './statistiques.ts';

export const PERMISSION_STATISTIQUES = 'courrier.statistiques';
export const ETAT_STATISTIQUES = 'courrier_statistiques';
const TITRE = 'Statistiques du courrier';
const CHEMIN = '/courrier/editions/statistiques';

function Tableau(props: { legende: string; entete: string; lignes: readonly LigneStatistique[]; total?: LigneStatistique | undefined }) {
  return (
    <table class="table">
      <caption>{props.legende}</caption>
      <thead>
        <tr>
          <th scope="col">{props.entete}</th>
          {COLONNES.map((colonne) => <th scope="col">{colonne.libelle}</th>)}
        </tr>
      </thead>
      <tbody>
        {props.lignes.map((ligne) => (
          <tr>
            <th scope="row">{ligne.libelle}</th>
            {COLONNES.map((colonne) => <td class="nombre">{chiffre(ligne[colonne.cle])}</td>)}
          </tr>
        ))}
      </tbody>
      {props.total ? (
        <tfoot>
          <tr>
            <th scope="row">Total</th>
            {COLONNES.map((colonne) => <td class="nombre">{chiffre(props.total?.[colonne.cle] ?? null)}</td>)}
          </tr>
        </tfoot>
      ) : null}
    </table>
  );
}

function Criteres(props: { saisie: { du: string; au: string }; erreurs: ErreursPeriode | undefined }) {
  return (
    <form method="get" action={CHEMIN} class="formulaire" novalidate>
      <fieldset class="section">
        <legend>Période (date d’arrivée, 366 jours au plus)</legend>
        <ChampDate id="statistiques-du" nom="du" libelle="Du" valeur={props.saisie.du} erreur={props.erreurs?.du} />
        <ChampDate id="statistiques-au" nom="au" libelle="Au" valeur={props.saisie.au} erreur={props.erreurs?.au} />
      </fieldset>
      <div class="boutons">
        <button type="submit">Afficher</button>
      </div>
    </form>
  );
}

function Resultats(props: { periode: Periode; statistiques: Statistiques; csrf: { field: string; token: string } }) {
  const { periode, statistiques } = props;
  const du = dateFr(periode.du);
  const au = dateFr(periode.au);
  const csv = `/api/v1/courrier/editions/statistiques/csv?${new URLSearchParams({ du: periode.du, au: periode.au }).toString()}`;
  return (
    <>
      <h2>{`Courriers arrivés du ${du} au ${au}`}</h2>
      <p>
        Répondus : la tâche de réponse est soldée ; à temps : exécutée au plus tard le jour butoir ; en retard : soldée après le butoir, ou
        ouverte et le butoir passé ; délai moyen : jours entre l’arrivée et l’exécution de la réponse.
      </p>
      {statistiques.total.recus === 0 ? <p>Aucun courrier arrivé sur cette période.</p> : null}
      <Tableau legende={`Par service de traitement, du ${du} au ${au}`} entete="Service" lignes={statistiques.parService} total={statistiques.total} />
      <GraphiqueServices lignes={statistiques.parService} titre={`Courriers reçus et répondus par service, du ${du} au ${au}`} />
      <Tableau legende="Par nature" entete="Nature" lignes={statistiques.parNature} />
      <Tableau legende="Par catégorie" entete="Catégorie" lignes={statistiques.parCategorie} />
      <div class="boutons">
        <a href={csv} download>
          Télécharger les statistiques (CSV)
        </a>
        <form method="post" action={CHEMIN}>
          <input type="hidden" name={props.csrf.field} value={props.csrf.token} />
          <input type="hidden" name="du" value={periode.du} />
          <input type="hidden" name="au" value={periode.au} />
          <button type="submit">Imprimer les statistiques (PDF)</button>
        </form>
      </div>
    </>
  );
}

const periodeParDefaut = () => {
  const aujourdhui = todayInParis();
  return { du: dateFr(`${aujourdhui.slice(0, 4)}-01-01`), au: dateFr(aujourdhui) };
};

async function handler(context: PageContext<Actor>) {
  const { method, csrf } = context;
  if (method === 'POST') {
    const lu = lirePeriode(context.form);
    if (!lu.ok) {
      const saisie = { du: context.form.du ?? '', au: context.form.au ?? '' };
      return { title: TITRE, status: 400 as const, messages: messagesErreurs(lu.erreurs), body: <Criteres saisie={saisie} erreurs={lu.erreurs} /> };
    }
    const libelle = `${TITRE} du ${dateFr(lu.valeur.du)} au ${dateFr(lu.valeur.au)}`;
    try {
      await lancerEdition(context.jobs, context.service, context.actor, context.locale, {
        etat: ETAT_STATISTIQUES,
        cle: cleStatistiques(lu.valeur),
        libelle,
        fichier: `statistiques-courrier-${lu.valeur.du}-${lu.valeur.au}.pdf`,
      });
    } catch (error) {
      if (!(error instanceof JobRefused)) throw error;
      return { redirect: `${CHEMIN}?${new URLSearchParams({ du: lu.valeur.du, au: lu.valeur.au }).toString()}`, flash: { kind: 'error' as const, text: error.message } };
    }
    return { redirect: '/traitements', flash: { kind: 'success' as const, text: `« ${libelle} » est en préparation : le PDF se télécharge ici dès qu’il est prêt.` } };
  }
  const demande = context.query.has('du') || context.query.has('au');
  const saisie = demande ? { du: context.query.get('du') ?? '', au: context.query.get('au') ?? '' } : periodeParDefaut();
  const lu = lirePeriode(saisie);
  if (!lu.ok) {
    return { title: TITRE, status: 400 as const, messages: messagesErreurs(lu.erreurs), body: <Criteres saisie={saisie} erreurs={lu.erreurs} /> };
  }
  const statistiques = await context.read((db) => statistiquesCourrier(db, lu.valeur));
  const affichee = { du: dateFr(lu.valeur.du), au: dateFr(lu.valeur.au) };
  return {
    title: TITRE,
    body: (
      <>
        <Criteres saisie={affichee} erreurs={undefined} />
        <Resultats periode={lu.valeur} statistiques={statistiques} csrf={csrf} />
      </>
    ),
  };
}

export const statistiquesPage: AppPage = {
  app: 'courrier',
  path: 'editions/statistiques',
  methods: ['GET', 'POST'],
  permission: PERMISSION_STATISTIQUES,
  menu: { ...applicationMenu(RUBRIQUES_COURRIER.editions, 20, TITRE), label: TITRE },
  handler,
};

export const statistiquesCsv: ApiRoute = {
  app: 'courrier',
  method: 'GET',
  path: 'editions/statistiques/csv',
  permission: PERMISSION_STATISTIQUES,
  doc: {
    summary: 'Statistiques du courrier arrivé d’une période, par service, nature et catégorie (CSV, UTF-8 avec BOM, « ; »).',
    produces: 'text/csv',
    query: [
      { name: 'du', description: 'Début de la période (date d’arrivée)', format: 'date', required: true },
      { name: 'au', description: 'Fin de la période', format: 'date', required: true },
    ],
  },
  handler: async ({ query, read }) => {
    const lu = lirePeriode({ du: query.get('du'), au: query.get('au') });
    if (!lu.ok) throw RouteError.badRequest(Object.values(lu.erreurs).join(' '), lu.erreurs);
    const statistiques = await read((db) => statistiquesCourrier(db, lu.valeur));
    return new RouteFile(csvStatistiques(statistiques), 'text/csv; charset=utf-8', `statistiques-courrier-${lu.valeur.du}-${lu.valeur.au}.csv`);
  },
};
