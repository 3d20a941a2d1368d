/**
 * Elections benchmark (`npm run bench:elections`), on the PostgreSQL server, in its own database
 * `commun_bench_elections` (recreated at each run) beside BENCH_DATABASE_URL's:
 *
 * 1. Émargement of a 20,000-elector commune: the demo's Libreville (apps/elections, 12 bureaux),
 *    the application's état `emargement` printed for all its bureaux by `renderBatch` as the print
 *    job does, next to the same rows drawn directly with pdfkit (bench/elections-emargement.ts);
 *    seconds and peak RSS, each side in its own child process.
 * 2. BENCH_ELECTEURS more electors (default 1,000,000) written by `generateElecteurs`, then two
 *    listings through the record service (`listRecords`, the listing page's and API's call), each
 *    next to the service's own SQL sent raw through `pg` as the application role (RLS applies), and
 *    to the SQL one would write by hand with the schema's indexes: median and p95.
 *      search    name contains … and birth date = … (the advanced search), sorted by name;
 *                again once the trigram index gen/index-advice.sql advises on `nom` exists.
 *      bureau    the first page of one bureau's electors, sorted by name.
 * The load average is printed before and after: the machine may be shared.
 *
 *   BENCH_DATABASE_URL   server (default postgres://postgres@127.0.0.1:5432/commun_bench)
 *   BENCH_ELECTEURS      electors generated for the listings (default 1,000,000)
 *   BENCH_RUNS           measured runs per figure (default 20)
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Actor } from '../framework/src/access/actor.ts';
import { permissionBase } from '../framework/src/access/permissions.ts';
import { serverTypes } from '../framework/src/db/connection.ts';
import { APP_ROLE, asApplicationRole, frameworkMigrations, migrate, openDatabase, readAs, type Database } from '../framework/src/db/index.ts';
import { Registry, type RegisteredObject } from '../framework/src/model/registry.ts';
import { registerFrameworkObjects } from '../framework/src/objects/index.ts';
import { listRecords, planList, type ListRequest, type ReadDeps } from '../framework/src/records/index.ts';
import { shouldFilterFirst } from '../framework/src/records/read.ts';
import { resolveReferenceSearch } from '../framework/src/records/reference-search.ts';
import { buildListQuery, estimatedCount, listConditions } from '../framework/src/records/select.ts';
import { loadReferentials } from '../framework/src/referentials/index.ts';
import { generateElecteurs } from '../apps/elections/demo/generate.ts';
import { elections } from '../apps/elections/src/index.ts';
import { loadElectionsDemo } from '../apps/elections/src/demo.ts';
import { COLLECTIVITE, communSide, pdfkitSide } from './elections-emargement.ts';
import { runPdfSide, sideLine } from './lib/pdf-side.ts';
import { freshServerDatabase } from './lib/instance.ts';
import { formatTable, measureLatency, ms, type Latency } from './lib/measure.ts';

const BASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/commun_bench';
const ELECTEURS = Number(process.env.BENCH_ELECTEURS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const PER_PAGE = 15;
const SCRIPT = new URL(import.meta.url).pathname;

const loadAverage = () => readFileSync('/proc/loadavg', 'utf8').trim();

// ---- data ---------------------------------------------------------------------------------------

/** Framework and elections migrations, the référentiels (communes of birth), Libreville's demo. */
async function prepare(url: string): Promise<void> {
  const owner = await openDatabase({ url, poolSize: 2 });
  try {
    await migrate(owner.kysely, [frameworkMigrations, elections.migrations]);
    await loadReferentials(owner.kysely, [elections]);
    const demo = await loadElectionsDemo(owner.kysely);
    console.log(`Démonstration : ${demo.electeurs.toLocaleString('fr-FR')} électeurs, ${demo.mouvements} mouvements (${(demo.ms / 1000).toFixed(0)} s).`);
  } finally {
    await owner.close();
  }
}

async function generate(url: string): Promise<number> {
  const owner = await openDatabase({ url, poolSize: 2 });
  const started = performance.now();
  try {
    await generateElecteurs(owner.kysely, ELECTEURS, COLLECTIVITE, {
      progress: (written) => process.stdout.write(`\r  ${written.toLocaleString('fr-FR')} électeurs écrits`),
    });
    process.stdout.write('\n');
  } finally {
    await owner.close();
  }
  return performance.now() - started;
}

async function ownerQuery<T extends pg.QueryResultRow>(url: string, text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

// ---- listings -----------------------------------------------------------------------------------

interface ListingCase {
  readonly name: string;
  readonly request: ListRequest;
  /** The same page written by hand, on the schema's indexes. */
  readonly handSql: string;
  readonly handParams: unknown[];
}

interface Listing {
  readonly service: (request: ListRequest) => Promise<number>;
  /** The SQL text and parameters the service sends for this request. */
  readonly sqlOf: (request: ListRequest) => Promise<{ sql: string; params: unknown[] }>;
  readonly raw: pg.Client;
  close(): Promise<void>;
}

async function openListing(url: string): Promise<Listing> {
  const db: Database = await asApplicationRole(await openDatabase({ url, poolSize: 4 }));
  const registry = new Registry();
  registerFrameworkObjects(registry);
  elections.register(registry);
  registry.linkIncomingReferences();
  const electeur: RegisteredObject | undefined = registry.get('elections', 'electeur');
  if (!electeur) throw new Error('elections.electeur non enregistré');
  const actor: Actor = {
    userId: 1, login: 'agent', nom: 'Agent des élections', email: '', profileId: 3, profileLabel: 'UTILISATEUR', hierarchy: 3,
    collectivite: COLLECTIVITE, niveau: '1', workingCollectivite: COLLECTIVITE, permissions: new Set([permissionBase(electeur)]), via: 'session',
  };
  const deps: ReadDeps = { db, registry, locale: 'fr', exactCountLimit: 100_000 };
  // A connection like the application's: role commun_app, collectivité set, so RLS applies.
  const raw = new pg.Client({ connectionString: url, options: `-c role=${APP_ROLE}`, types: serverTypes() });
  await raw.connect();
  await raw.query(`select set_config('commun.collectivite', $1, false), set_config('commun.toutes', 'off', false)`, [String(COLLECTIVITE)]);
  return {
    service: async (request) => (await listRecords(deps, actor, electeur, request)).rows.length,
    async sqlOf(request) {
      // As the service does: referenced keys first, then its own choice of query for a search.
      const plan = await readAs(db.kysely, actor, (connection) => resolveReferenceSearch(connection, registry, electeur, actor, planList(electeur, request)));
      const conditions = listConditions(registry, electeur, actor, plan);
      const filterFirst = await readAs(db.kysely, actor, (connection) => shouldFilterFirst(plan, () => estimatedCount(connection, electeur, conditions)));
      const compiled = buildListQuery(registry, electeur, actor, plan, true, filterFirst).page.compile(db.kysely);
      return { sql: compiled.sql, params: [...compiled.parameters] };
    },
    raw,
    close: async () => {
      await raw.end();
      await db.close();
    },
  };
}

const COLUMNS = 'electeur, numero_liste, nom, nom_usage, prenoms, date_naissance, liste, bureau, numero, voie';

async function listingCases(url: string): Promise<ListingCase[]> {
  // An elector in the middle of the generated rows (the newest keys).
  const [sample] = await ownerQuery<{ nom: string; nom_recherche: string; date_naissance: string }>(
    url,
    `select nom, nom_recherche, date_naissance::text as date_naissance from elections.electeur
      where om_collectivite = $1 and liste = 'LP' order by electeur desc offset $2 limit 1`,
    [COLLECTIVITE, Math.floor(ELECTEURS / 2)],
  );
  const [bureau] = await ownerQuery<{ bureau: number; code: string }>(url, `select bureau, code from elections.bureau where om_collectivite = $1 order by code limit 1`, [COLLECTIVITE]);
  if (!sample || !bureau) throw new Error('aucun électeur ou bureau généré');
  return [
    {
      name: `recherche nom « ${sample.nom} » + né(e) le ${sample.date_naissance}`,
      request: {
        page: 1, perPage: PER_PAGE, sort: 'nom', count: 'none',
        criteria: [{ field: 'nom', op: 'contains', value: sample.nom }, { field: 'date_naissance', op: 'eq', value: sample.date_naissance }],
      },
      // The index (om_collectivite, liste, nom_recherche, date_naissance): openElec's search.
      handSql: `select ${COLUMNS} from elections.electeur where om_collectivite = $1 and liste = 'LP' and nom_recherche = $2 and date_naissance = $3
                 order by nom, electeur limit ${PER_PAGE}`,
      handParams: [COLLECTIVITE, sample.nom_recherche, sample.date_naissance],
    },
    {
      name: `bureau ${bureau.code}, page 1 par nom`,
      request: { page: 1, perPage: PER_PAGE, sort: 'nom', count: 'none', filters: { bureau: String(bureau.bureau) } },
      handSql: `select ${COLUMNS} from elections.electeur where om_collectivite = $1 and bureau = $2 order by nom, electeur limit ${PER_PAGE}`,
      handParams: [COLLECTIVITE, bureau.bureau],
    },
  ];
}

const latencyCells = (latency: Latency) => [ms(latency.medianMs), ms(latency.p95Ms)];

async function measureCase(listing: Listing, benchCase: ListingCase): Promise<string[]> {
  const found = await listing.service(benchCase.request);
  const { sql, params } = await listing.sqlOf(benchCase.request);
  const rawRows = (await listing.raw.query(sql, params)).rowCount;
  if (rawRows !== found) throw new Error(`${benchCase.name} : ${found} lignes (service), ${rawRows} (SQL)`);
  const hand = (await listing.raw.query(benchCase.handSql, benchCase.handParams)).rowCount ?? 0;
  const options = { runs: RUNS, warmup: 2 };
  const service = await measureLatency(() => listing.service(benchCase.request), options);
  const counted = await measureLatency(() => listing.service({ ...benchCase.request, count: 'estimated' }), { runs: Math.max(5, Math.floor(RUNS / 2)), warmup: 1 });
  const rawSql = await measureLatency(() => listing.raw.query(sql, params), options);
  const handSql = await measureLatency(() => listing.raw.query(benchCase.handSql, benchCase.handParams), options);
  return [benchCase.name, String(found), ...latencyCells(service), ms(counted.medianMs), ...latencyCells(rawSql), `${String(hand)} l. `, ...latencyCells(handSql)];
}

const LISTING_HEADER = ['cas', 'lignes', 'service méd. ms', 'service p95 ms', 'avec total ms', 'SQL du service méd. ms', 'p95 ms', 'à la main', 'méd. ms', 'p95 ms'];

// ---- run ----------------------------------------------------------------------------------------

async function emargement(url: string): Promise<void> {
  const [count] = await ownerQuery<{ n: number }>(url, `select count(*)::int as n from elections.electeur where om_collectivite = $1`, [COLLECTIVITE]);
  const folder = mkdtempSync(join(tmpdir(), 'commun-bench-elections-'));
  try {
    console.log(`\n1. Émargement de toute la commune (${(count?.n ?? 0).toLocaleString('fr-FR')} électeurs, 12 bureaux), charge : ${loadAverage()}`);
    const direct = await runPdfSide(SCRIPT, 'pdfkit direct', '--pdfkit', url, join(folder, 'pdfkit.pdf'));
    const commun = await runPdfSide(SCRIPT, 'Commun (état emargement, renderBatch)', '--commun', url, join(folder, 'commun.pdf'));
    console.log(formatTable(['côté', 'pages', 'Mo', 'durée s', 'rapport', 'RSS max Mo'], [sideLine(direct, direct), sideLine(commun, direct)]));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

async function listings(url: string): Promise<void> {
  console.log(`\n2. ${ELECTEURS.toLocaleString('fr-FR')} électeurs de plus (generateElecteurs), charge : ${loadAverage()}`);
  const generated = await generate(url);
  console.log(`  écrits en ${(generated / 1000).toFixed(0)} s ; charge : ${loadAverage()}`);
  const cases = await listingCases(url);
  const listing = await openListing(url);
  try {
    const rows: string[][] = [];
    // Migration 0007 creates the trigram index where pg_trgm exists: measured without it first.
    await ownerQuery(url, `drop index if exists elections.electeur_nom_trgm`);
    await ownerQuery(url, `analyze elections.electeur`);
    for (const benchCase of cases) rows.push(await measureCase(listing, benchCase));
    const started = performance.now();
    await ownerQuery(url, `create extension if not exists pg_trgm`);
    await ownerQuery(url, `create index electeur_nom_trgm on elections.electeur using gin (om.fold(nom::text) public.gin_trgm_ops)`);
    await ownerQuery(url, `analyze elections.electeur`);
    console.log(`  index trigramme sur nom (migration 0007) recréé en ${((performance.now() - started) / 1000).toFixed(0)} s`);
    const [search] = cases;
    if (search) rows.push(await measureCase(listing, { ...search, name: `${search.name}, index trigramme` }));
    console.log(`  charge : ${loadAverage()}\n`);
    console.log(formatTable(LISTING_HEADER, rows));
    console.log(`\n${RUNS} mesures par chiffre (« avec total » : la moitié), une page de ${PER_PAGE} lignes ; « à la main » : nom_recherche = … (index electeur_recherche).`);
  } finally {
    await listing.close();
  }
}

const [mode, childUrl, childFile] = process.argv.slice(2);
if (mode === '--commun' && childUrl && childFile) {
  await communSide(childUrl, childFile);
} else if (mode === '--pdfkit' && childUrl && childFile) {
  await pdfkitSide(childUrl, childFile);
} else {
  console.log(`Banc d’essai « Élections », serveur PostgreSQL ; charge avant : ${loadAverage()}`);
  const url = await freshServerDatabase(BASE_URL, 'commun_bench_elections');
  await prepare(url);
  const version = await ownerQuery<{ v: string }>(url, `select current_setting('server_version') as v`);
  console.log(`PostgreSQL ${version[0]?.v ?? '?'}`);
  await emargement(url);
  await listings(url);
  console.log(`\ncharge après : ${loadAverage()}`);
}
