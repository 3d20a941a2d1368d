/**
 * Régions, départements and communes of France from `@etalab/decoupage-administratif` (the INSEE's
 * Code officiel géographique): the current communes and municipal arrondissements, and the former
 * communes the package still names (communes déléguées and associées whose code is no longer a
 * commune's), kept with `om_validite_fin` for the birthplaces of older electors. A commune that a
 * newer edition no longer lists is ended, never deleted: electors may name it.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { sql } from 'kysely';
import type { Db } from '../../../../framework/src/db/index.ts';
import { upsertRows, type Referential } from '../../../../framework/src/referentials/index.ts';

const PACKAGE = '@etalab/decoupage-administratif';
/** Raise it when the rules below change: the next start loads the communes again. */
const LOADER_REVISION = 1;
/**
 * The date of the COG edition each version of the package carries: the end of validity given to a
 * former commune, whose real merger date the package does not say.
 */
const COG_EDITIONS: Readonly<Record<string, string>> = { '6.0.0': '2026-01-01', '5.3.0': '2025-01-01' };

interface SourceRegion {
  readonly code: string;
  readonly nom: string;
}
interface SourceDepartement extends SourceRegion {
  readonly region: string;
}
interface SourceCommune extends SourceDepartement {
  readonly type: 'commune-actuelle' | 'arrondissement-municipal' | 'commune-deleguee' | 'commune-associee';
  readonly departement: string;
}

const TYPES: Readonly<Record<SourceCommune['type'], string>> = {
  'commune-actuelle': 'COM',
  'arrondissement-municipal': 'ARM',
  'commune-deleguee': 'COMD',
  'commune-associee': 'COMA',
};

const require = createRequire(import.meta.url);
const readJson = <T>(file: string): T => JSON.parse(readFileSync(require.resolve(`${PACKAGE}/${file}`), 'utf8')) as T;
const packageVersion = (): string => readJson<{ version: string }>('package.json').version;

/** The rows of `elections.commune`: current ones first; a former commune only under a code no current one has. */
export function communeRows(communes: readonly SourceCommune[], editionDate: string): (string | null)[][] {
  const current = communes.filter((commune) => commune.type === 'commune-actuelle' || commune.type === 'arrondissement-municipal');
  const taken = new Set(current.map((commune) => commune.code));
  const rows: (string | null)[][] = current.map((commune) => [commune.code, commune.nom, commune.departement, TYPES[commune.type], null]);
  for (const commune of communes) {
    if (taken.has(commune.code)) continue;
    taken.add(commune.code);
    rows.push([commune.code, commune.nom, commune.departement, TYPES[commune.type], editionDate]);
  }
  return rows;
}

async function load(trx: Db): Promise<number> {
  const version = packageVersion();
  const editionDate = COG_EDITIONS[version];
  if (!editionDate) throw new Error(`Date de l’édition du Code officiel géographique inconnue pour ${PACKAGE} ${version} : ajoutez-la à COG_EDITIONS.`);
  const regions = readJson<SourceRegion[]>('data/regions.json');
  const departements = readJson<SourceDepartement[]>('data/departements.json');
  const communes = communeRows(readJson<SourceCommune[]>('data/communes.json'), editionDate);
  let written = await upsertRows(trx, { schema: 'elections', table: 'region', columns: ['region', 'libelle'], key: ['region'] }, regions.map((region) => [region.code, region.nom]));
  written += await upsertRows(
    trx,
    { schema: 'elections', table: 'departement', columns: ['departement', 'libelle', 'region'], key: ['departement'] },
    departements.map((departement) => [departement.code, departement.nom, departement.region]),
  );
  written += await upsertRows(trx, { schema: 'elections', table: 'commune', columns: ['commune', 'libelle', 'departement', 'type', 'om_validite_fin'], key: ['commune'] }, communes);
  // A commune of an earlier edition that this one no longer lists has become a former commune.
  await sql`update elections.commune set om_validite_fin = ${editionDate}::date
    where om_validite_fin is null and commune not in (select unnest(${communes.map((row) => row[0])}::varchar[]))`.execute(trx);
  return written;
}

export const decoupageAdministratif: Referential = {
  name: 'decoupage-administratif',
  version: `${packageVersion()} (chargeur ${LOADER_REVISION})`,
  load,
};
