/**
 * « Facturation »: the treasury export (page `/cimetiere/facturation`, file
 * `/api/v1/cimetiere/facturation/export?du=…&au=…`), the « Titres émis » of a period and the
 * concession register of a year (its PDF: the état `cimetiere_registre_concessions`, printed from
 * the year's first act).
 */
import { RouteError, RouteFile, type ApiRoute, type AppPage } from '../../../../framework/src/model/app-routes.ts';
import { applicationMenu, RUBRIQUES_CIMETIERE } from '../objects/menu.ts';
import type { Registry } from '../../../../framework/src/model/registry.ts';
import { parseFrenchDate } from '../../../../framework/src/records/coerce.ts';
import { aujourdhuiAParis } from '../core/etat.ts';
import { csvTresorerie, facturesDePeriode, imputationConcessions } from './export.ts';
import { ExportPage, RegistrePage, TitresPage } from './pages.tsx';
import { actesDeLAnnee } from './registre.ts';

const EXPORT_PERMISSION = 'cimetiere.facture_exporter';
const TAB_PERMISSION = 'cimetiere.facture_tab';
export const ETAT_REGISTRE = 'cimetiere_registre_concessions';

/** `du` and `au` of the query (JJ/MM/AAAA or ISO); by default the current year up to today. */
function periode(query: URLSearchParams): { du: string; au: string } {
  const aujourdhui = aujourdhuiAParis();
  const lire = (nom: string, defaut: string) => {
    const tape = (query.get(nom) ?? '').trim();
    if (tape === '') return defaut;
    const lu = parseFrenchDate(tape);
    if (!lu) throw RouteError.badRequest(`« ${tape} » n’est pas une date valide (JJ/MM/AAAA).`);
    return lu;
  };
  const du = lire('du', `${aujourdhui.slice(0, 4)}-01-01`);
  const au = lire('au', aujourdhui);
  if (au < du) throw RouteError.badRequest('La fin de la période précède son début.');
  return { du, au };
}

const exportRoute: ApiRoute = {
  app: 'cimetiere',
  method: 'GET',
  path: 'facturation/export',
  permission: EXPORT_PERMISSION,
  doc: {
    summary: 'Factures à titrer d’une période, pour la trésorerie (CSV, UTF-8 avec BOM, « ; », décimales à virgule).',
    produces: 'text/csv',
    query: [
      { name: 'du', description: 'Début de la période (date de facture)', format: 'date' },
      { name: 'au', description: 'Fin de la période', format: 'date' },
    ],
  },
  handler: async ({ query, read, actor }) => {
    const { du, au } = periode(query);
    const factures = await read((db) => facturesDePeriode(db, du, au, 'a_titrer'));
    const imputation = await read((db) => imputationConcessions(db, actor.workingCollectivite));
    return new RouteFile(csvTresorerie(factures, imputation), 'text/csv; charset=utf-8', `factures-a-titrer-${du}-${au}.csv`);
  },
};

const exportPage: AppPage = {
  app: 'cimetiere',
  path: 'facturation',
  permission: EXPORT_PERMISSION,
  menu: { ...applicationMenu(RUBRIQUES_CIMETIERE.facturation, 20, 'Export pour la trésorerie'), label: 'Export pour la trésorerie' },
  handler: async ({ query, read, actor }) => {
    const { du, au } = periode(query);
    const factures = await read((db) => facturesDePeriode(db, du, au, 'a_titrer'));
    const imputation = await read((db) => imputationConcessions(db, actor.workingCollectivite));
    const lien = `/api/v1/cimetiere/facturation/export?${new URLSearchParams({ du, au }).toString()}`;
    return { title: 'Export pour la trésorerie', body: <ExportPage du={du} au={au} factures={factures} imputation={imputation} lien={lien} /> };
  },
};

const titresPage: AppPage = {
  app: 'cimetiere',
  path: 'titres-emis',
  permission: TAB_PERMISSION,
  menu: { ...applicationMenu(RUBRIQUES_CIMETIERE.facturation, 25, 'Titres émis'), label: 'Titres émis' },
  handler: async ({ query, read }) => {
    const { du, au } = periode(query);
    const factures = await read((db) => facturesDePeriode(db, du, au, 'titrees'));
    return { title: 'Titres émis', body: <TitresPage du={du} au={au} factures={factures} /> };
  },
};

const registrePage: AppPage = {
  app: 'cimetiere',
  path: 'registre-concessions',
  permission: 'cimetiere.concession_tab',
  menu: { ...applicationMenu(RUBRIQUES_CIMETIERE.concessions, 30, 'Registre des actes'), label: 'Registre des actes' },
  handler: async ({ query, read }) => {
    const demandee = Number(query.get('annee') ?? '');
    const annee = Number.isInteger(demandee) && demandee >= 1900 && demandee <= 2200 ? demandee : Number(aujourdhuiAParis().slice(0, 4));
    const actes = await read((db) => actesDeLAnnee(db, annee));
    const premier = actes[0];
    const pdf = premier ? `/cimetiere/concession/${premier.concession}/pdf/etat/${ETAT_REGISTRE}` : undefined;
    return { title: `Registre des actes de concession ${annee}`, body: <RegistrePage annee={annee} actes={actes} pdf={pdf} /> };
  },
};

export function registerFacturation(registry: Registry): void {
  registry.addApiRoute(exportRoute);
  registry.addPage(exportPage);
  registry.addPage(titresPage);
  registry.addPage(registrePage);
}
