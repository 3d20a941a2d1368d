/**
 * The electoral calendar served to programs and shown to agents (issue 11 §5):
 * - `GET /api/v1/elections/calendrier?premier_tour=AAAA-MM-JJ[&second_tour=AAAA-MM-JJ]`, public
 *   (it reads nothing from the database): the deadlines of rules/calendrier.ts as JSON; a missing
 *   or malformed date is a 400 in the API's error JSON;
 * - the page `/elections/calendrier` (permission `elections.calendrier`): the same for a date typed
 *   in a form, and for each scrutin the user may list.
 */
import { sql } from 'kysely';
import { can } from '../../../../framework/src/access/permissions.ts';
import { RouteError, type AppPage } from '../../../../framework/src/model/app-routes.ts';
import type { Registry } from '../../../../framework/src/model/registry.ts';
import { parseFrenchDate } from '../../../../framework/src/records/index.ts';
import { TITLE } from '../menu.ts';
import { calendrierScrutin, DateInvalide, type CalendrierScrutin } from '../rules/calendrier.ts';
import { parseDate } from '../rules/dates.ts';
import { CalendrierPage, type CalendrierDeScrutin, type SaisieCalendrier } from './calendrier-page.tsx';

export const CALENDRIER_PERMISSION = 'elections.calendrier';
export const CALENDRIER_PATH = 'calendrier';
const SCRUTIN = { app: 'elections', name: 'scrutin' } as const;
const SCRUTINS_SHOWN = 50;

const PARAMETRE_OBLIGATOIRE =
  'Le paramètre « premier_tour » est obligatoire : indiquez la date du premier tour au format AAAA-MM-JJ (exemple : /api/v1/elections/calendrier?premier_tour=2026-03-15).';

/** The calendar of the API's parameters; a `RouteError` (400) with the French message otherwise. */
export function calendrierDesParametres(query: URLSearchParams): CalendrierScrutin {
  const premierTour = query.get('premier_tour')?.trim() ?? '';
  if (premierTour === '') throw RouteError.badRequest(PARAMETRE_OBLIGATOIRE);
  const secondTour = query.get('second_tour')?.trim() ?? '';
  try {
    return calendrierScrutin(premierTour, secondTour === '' ? undefined : secondTour);
  } catch (error) {
    if (error instanceof DateInvalide) throw RouteError.badRequest(error.message);
    throw error;
  }
}

/** What the form asked, read as the record forms read dates (JJ/MM/AAAA, JJMMAAAA or AAAA-MM-JJ). */
function saisie(query: URLSearchParams): SaisieCalendrier {
  const premierTour = query.get('premier_tour')?.trim() ?? '';
  const secondTour = query.get('second_tour')?.trim() ?? '';
  const base = { premierTour, secondTour };
  const premier = { ...base, champEnErreur: 'premier_tour' as const };
  const second = { ...base, champEnErreur: 'second_tour' as const };
  if (premierTour === '') return secondTour === '' ? base : { ...premier, erreur: 'Indiquez la date du premier tour.' };
  const tour1 = parseFrenchDate(premierTour);
  const tour2 = secondTour === '' ? undefined : parseFrenchDate(secondTour);
  if (!tour1) return { ...premier, erreur: `La date du premier tour « ${premierTour} » n’est pas une date valide : écrivez-la JJ/MM/AAAA (exemple : 15/03/2026).` };
  if (secondTour !== '' && !tour2) return { ...second, erreur: `La date du second tour « ${secondTour} » n’est pas une date valide : écrivez-la JJ/MM/AAAA (exemple : 22/03/2026).` };
  try {
    parseDate(tour1);
  } catch (error) {
    if (error instanceof DateInvalide) return { ...premier, erreur: error.message };
    throw error;
  }
  try {
    return { ...base, calendrier: calendrierScrutin(tour1, tour2) };
  } catch (error) {
    if (error instanceof DateInvalide) return { ...second, erreur: error.message };
    throw error;
  }
}

interface ScrutinRow {
  readonly scrutin: number;
  readonly libelle: string;
  readonly date_tour1: string;
  readonly date_tour2: string | null;
}

const calendrierPage: AppPage = {
  app: 'elections',
  path: CALENDRIER_PATH,
  permission: CALENDRIER_PERMISSION,
  menu: { rubrique: 'application', category: TITLE, order: 40, label: 'Calendrier électoral' },
  async handler({ actor, query, read }) {
    const demande = saisie(query);
    let scrutins: CalendrierDeScrutin[] | undefined;
    if (can(actor, SCRUTIN, 'tab')) {
      const rows = await read(
        async (db) => (await sql<ScrutinRow>`select scrutin, libelle, date_tour1, date_tour2 from elections.scrutin
          order by date_tour1 desc, libelle limit ${SCRUTINS_SHOWN}`.execute(db)).rows,
      );
      scrutins = rows.map((row) => ({ scrutin: Number(row.scrutin), libelle: row.libelle, calendrier: calendrierScrutin(row.date_tour1, row.date_tour2 ?? undefined) }));
    }
    return {
      title: 'Calendrier électoral',
      status: demande.erreur ? 400 : 200,
      messages: demande.erreur ? [{ kind: 'error', text: demande.erreur }] : [],
      body: CalendrierPage({ saisie: demande, scrutins }),
    };
  },
};

/** Registers the API route and the page (called from the application's `register`). */
export function registerCalendrier(registry: Registry): void {
  registry.addApiRoute({
    app: 'elections',
    method: 'GET',
    path: CALENDRIER_PATH,
    permission: 'public',
    doc: {
      summary: 'Calendrier électoral d’un scrutin',
      description:
        'Date limite d’inscription (art. L17 : le sixième vendredi précédant le scrutin), réunion de la commission de contrôle ' +
        '(art. L19 : du 24e au 21e jour avant), publication du tableau des inscriptions et radiations (art. L20, R13), ' +
        'date limite et cas des inscriptions de l’article L30 (le dixième jour avant). Toutes les dates au format AAAA-MM-JJ.',
      query: [
        { name: 'premier_tour', description: 'Date du premier tour.', required: true, format: 'date', example: '2026-03-15' },
        { name: 'second_tour', description: 'Date du second tour (par défaut, une semaine après le premier).', format: 'date', example: '2026-03-22' },
      ],
    },
    handler: ({ query }) => calendrierDesParametres(query),
  });
  registry.addPage(calendrierPage);
}
