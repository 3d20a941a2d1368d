/**
 * The préfecture export (permission `resultats.exporter`):
 * - `GET /api/v1/resultats/export-prefecture/:election`: the validated bureaux' results (CSV);
 * - `GET /api/v1/resultats/export-prefecture/:election/sieges`: the seats per list (municipales, CSV);
 * - the page `/resultats/export-prefecture` (menu), each election with its files or the reason they
 *   cannot be sent yet; `?election=<clé>` shows that election only (the link from its record).
 * Refusals: a French message (409: no INSEE code, no validated bureau, not municipales; 404: unknown).
 */
import { sql } from 'kysely';
import type { Db } from '../../../../framework/src/db/connection.ts';
import type { Locale } from '../../../../framework/src/i18n/index.ts';
import { RouteError, RouteFile, type ApiRoute, type AppPage } from '../../../../framework/src/model/app-routes.ts';
import type { Registry } from '../../../../framework/src/model/registry.ts';
import { TITLE } from '../objects/menu.ts';
import { message } from './messages.ts';
import { ExportPage, type ElectionAExporter } from './page.tsx';
import { fichierBureaux, fichierSieges, type FichierPrefecture } from './prefecture.ts';

export const EXPORT_PERMISSION = 'resultats.exporter';
export const EXPORT_PAGE = 'export-prefecture';
const CSV = 'text/csv; charset=utf-8';
const AFFICHEES = 100;

function electionDuChemin(params: Readonly<Record<string, string>>, locale: Locale): number {
  const election = Number(params['election']);
  if (!Number.isSafeInteger(election) || election <= 0) throw RouteError.notFound(message('refus.introuvable', undefined, locale));
  return election;
}

const enFichier = (fichier: FichierPrefecture) => new RouteFile(fichier.contenu, CSV, fichier.nom);

const fichierBureauxRoute: ApiRoute = {
  app: 'resultats',
  method: 'GET',
  path: `${EXPORT_PAGE}/:election`,
  permission: EXPORT_PERMISSION,
  doc: { summary: 'Résultats des bureaux validés d’une élection, pour la préfecture (CSV, UTF-8, « ; »).', produces: 'text/csv' },
  handler: async ({ params, locale, read }) => {
    const election = electionDuChemin(params, locale);
    return enFichier(await read((db) => fichierBureaux(db, election, locale)));
  },
};

const fichierSiegesRoute: ApiRoute = {
  app: 'resultats',
  method: 'GET',
  path: `${EXPORT_PAGE}/:election/sieges`,
  permission: EXPORT_PERMISSION,
  doc: { summary: 'Répartition des sièges d’une élection municipale, pour la préfecture (CSV, UTF-8, « ; »).', produces: 'text/csv' },
  handler: async ({ params, locale, read }) => {
    const election = electionDuChemin(params, locale);
    return enFichier(await read((db) => fichierSieges(db, election, locale)));
  },
};

interface ElectionLue {
  readonly election: number;
  readonly libelle: string;
  readonly date: string;
  readonly tour: number;
  readonly type: string;
  readonly code_commune: string | null;
  readonly comptes: number;
  readonly total: number;
}

async function electionsAExporter(db: Db, seule: number | undefined, locale: Locale): Promise<ElectionAExporter[]> {
  const filtre = seule === undefined ? sql`true` : sql`e.election = ${seule}`;
  const rows = (
    await sql<ElectionLue>`select e.election, e.libelle, to_char(e.date_scrutin, 'DD/MM/YYYY') as date, e.tour, e.type, e.code_commune,
        (select count(*) from resultats.election_bureau eb where eb.election = e.election and eb.etat = 'valide')::int as comptes,
        (select count(*) from resultats.election_bureau eb where eb.election = e.election)::int as total
      from resultats.election e where ${filtre}
     order by e.date_scrutin desc, e.tour desc, e.election desc limit ${AFFICHEES}`.execute(db)
  ).rows;
  return rows.map((row) => ({
    election: Number(row.election),
    libelle: row.libelle,
    date: row.date,
    tour: Number(row.tour),
    municipales: row.type === 'municipales' || row.type === 'municipales_moins_1000',
    comptes: Number(row.comptes),
    total: Number(row.total),
    refus:
      row.code_commune === null || row.code_commune === ''
        ? message('refus.sansCodeCommune', { libelle: row.libelle }, locale)
        : Number(row.comptes) === 0
          ? message('refus.sansBureauValide', { libelle: row.libelle }, locale)
          : undefined,
  }));
}

const exportPage: AppPage = {
  app: 'resultats',
  path: EXPORT_PAGE,
  permission: EXPORT_PERMISSION,
  menu: { rubrique: 'application', category: TITLE, order: 60, label: message('page.titre') },
  handler: async ({ query, locale, read }) => {
    const demandee = Number(query.get('election') ?? '');
    const seule = Number.isSafeInteger(demandee) && demandee > 0 ? demandee : undefined;
    const elections = await read((db) => electionsAExporter(db, seule, locale));
    return { title: message('page.titre', undefined, locale), body: <ExportPage elections={elections} locale={locale} /> };
  },
};

export function registerExport(registry: Registry): void {
  registry.addApiRoute(fichierBureauxRoute);
  registry.addApiRoute(fichierSiegesRoute);
  registry.addPage(exportPage);
}
