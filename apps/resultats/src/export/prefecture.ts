/**
 * The files sent to the préfecture (openRésultat's « transfert préfecture ») : one line per
 * VALIDATED bureau with its figures and each candidature's votes, and for the municipales the seat
 * allocation per list. CSV, UTF-8, `;`. Refused with a French message (RouteError) when the
 * election has no INSEE code or no validated bureau. Read on the caller's connection (RLS).
 */
import { stringify } from 'csv-stringify/sync';
import { sql } from 'kysely';
import type { Db } from '../../../../framework/src/db/connection.ts';
import type { Locale } from '../../../../framework/src/i18n/index.ts';
import { spreadsheetSafe } from '../../../../framework/src/imports/spreadsheet-safe.ts';
import { RouteError } from '../../../../framework/src/model/app-routes.ts';
import { repartitionDeLElection } from '../sieges/index.ts';
import { totauxElection, type TotauxElection } from '../totaux/index.ts';
import { CODE_REGLEMENTAIRE, codeDepartement } from './codes.ts';
import { message } from './messages.ts';

export interface FichierPrefecture {
  readonly nom: string;
  readonly contenu: string;
}

interface ElectionExportee {
  readonly totaux: TotauxElection;
  readonly codeCommune: string;
  /** The columns every line starts with: département, commune, type, date, tour. */
  readonly debut: readonly string[];
  readonly prefixe: string;
}

/** The columns' names: the file's format, the same whatever the user's language. */
const COLONNES = {
  code_departement: 'Code département',
  code_commune: 'Code commune',
  type: 'Type',
  date: 'Date',
  tour: 'Tour',
  code_bureau: 'Code bureau',
  inscrits: 'Inscrits',
  votants: 'Votants',
  blancs: 'Blancs',
  nuls: 'Nuls',
  exprimes: 'Exprimés',
  numero_panneau: 'N° panneau',
  nuance: 'Nuance',
  libelle: 'Libellé',
  voix: 'Voix',
  sieges: 'Sièges conseil municipal',
  sieges_communautaires: 'Sièges conseil communautaire',
} as const;

const colonnes = (names: readonly (keyof typeof COLONNES)[]) => names.map((name) => COLONNES[name]);

const csv = (lignes: readonly (readonly (string | number)[])[]): string => stringify(lignes as (string | number)[][], { delimiter: ';', record_delimiter: '\n' });

async function electionExportee(db: Db, election: number, locale: Locale | undefined): Promise<ElectionExportee> {
  const totaux = await totauxElection(db, election);
  if (!totaux) throw RouteError.notFound(message('refus.introuvable', undefined, locale));
  const codeCommune = (await sql<{ code_commune: string | null }>`select code_commune from resultats.election where election = ${election}`.execute(db)).rows[0]?.code_commune ?? null;
  const libelle = totaux.election.libelle;
  if (codeCommune === null || codeCommune === '') throw new RouteError(409, message('refus.sansCodeCommune', { libelle }, locale));
  if (totaux.bureaux.comptes === 0) throw new RouteError(409, message('refus.sansBureauValide', { libelle }, locale));
  const { date_scrutin: date, tour, type } = totaux.election;
  const code = CODE_REGLEMENTAIRE[type];
  return {
    totaux,
    codeCommune,
    debut: [codeDepartement(codeCommune), codeCommune, code, date.split('-').reverse().join('/'), String(tour)],
    prefixe: `prefecture-${codeCommune}-${code}-${date}-t${tour}`,
  };
}

const ENTETE_COMMUN = colonnes(['code_departement', 'code_commune', 'type', 'date', 'tour']);

/** « Transfert bureau »: one line per validated bureau, then four columns per candidature (by panel number). */
export async function fichierBureaux(db: Db, election: number, locale: Locale | undefined): Promise<FichierPrefecture> {
  const exportee = await electionExportee(db, election, locale);
  const { candidatures, parBureau } = exportee.totaux;
  const entete = [
    ...ENTETE_COMMUN,
    ...colonnes(['code_bureau', 'inscrits', 'votants', 'blancs', 'nuls', 'exprimes']),
    ...candidatures.flatMap((_, index) => colonnes(['numero_panneau', 'nuance', 'libelle', 'voix']).map((name) => `${name} ${index + 1}`)),
  ];
  const lignes = parBureau
    .filter((bureau) => bureau.etat === 'valide')
    .map((bureau) => [
      ...exportee.debut,
      spreadsheetSafe(bureau.code),
      bureau.inscrits,
      bureau.votants,
      bureau.blancs,
      bureau.nuls,
      bureau.exprimes,
      ...candidatures.flatMap((candidature) => [
        candidature.ordre,
        spreadsheetSafe(candidature.nuance ?? ''),
        spreadsheetSafe(candidature.libelle),
        bureau.voix[candidature.candidature] ?? 0,
      ]),
    ]);
  return { nom: `${exportee.prefixe}-bureaux.csv`, contenu: csv([entete, ...lignes]) };
}

/** « Transfert répartition des sièges » (municipales): one line per list, its votes and seats. */
export async function fichierSieges(db: Db, election: number, locale: Locale | undefined): Promise<FichierPrefecture> {
  const exportee = await electionExportee(db, election, locale);
  const { election: enTete } = exportee.totaux;
  if (enTete.type !== 'municipales' && enTete.type !== 'municipales_moins_1000') {
    throw new RouteError(409, message('refus.pasMunicipales', { libelle: enTete.libelle }, locale));
  }
  const repartition = await repartitionDeLElection(db, election);
  if (!repartition) throw RouteError.notFound(message('refus.introuvable', undefined, locale));
  if (repartition.erreur !== null) throw new RouteError(409, message('refus.repartition', { libelle: enTete.libelle, raison: repartition.erreur }, locale));
  const entete = [
    ...ENTETE_COMMUN,
    ...colonnes(['numero_panneau', 'nuance', 'libelle', 'voix', 'sieges', 'sieges_communautaires']),
  ];
  const lignes = repartition.candidatures.map((candidature) => [
    ...exportee.debut,
    candidature.ordre,
    spreadsheetSafe(candidature.nuance ?? ''),
    spreadsheetSafe(candidature.libelle),
    candidature.voix,
    candidature.sieges,
    candidature.sieges_communautaires,
  ]);
  return { nom: `${exportee.prefixe}-sieges.csv`, contenu: csv([entete, ...lignes]) };
}
