/**
 * Listing benchmark (`npm run bench`): one page of `bench.personne` (a million rows) per case of
 * bench/cases.ts, measured at each layer on the same work. A layer is a list of columns; a column
 * measures every case, then the table is printed.
 *
 *   raw SQL   the case's SQL through `pg`, as the application role with the collectivité set
 *             (RLS applies): median and p95 of one client, then completions of 10 clients in 10 s.
 *
 *   service   `listRecords` with the case's request (plan, permission, collectivité settings, the
 *             same SQL): median, p95, overhead over the raw median, and the median with the
 *             default total (planner estimate, or a count bounded to 100,001 rows).
 *   API       `GET /api/v1/bench/personne` with a personal API token, served by this process and
 *             loaded by autocannon from another: requests per second, first page only.
 *   page      `GET /bench/personne?…`, the listing page (whole HTML in the layout, default total)
 *             through the application in this process: median, and its ratio to the service's
 *             call with the same total (« avec total ms »), the work the page cannot avoid.
 *
 * BENCH_DATABASE_URL: the server (default postgres://postgres@127.0.0.1:5432/commun_bench);
 * BENCH_SECONDS: length of each throughput run (default 10).
 */
import pg from 'pg';
import { APP_ROLE } from '../framework/src/db/index.ts';
import { serverTypes } from '../framework/src/db/connection.ts';
import { COLLECTIVITE, listingCases, PER_PAGE, type ListingCase } from './cases.ts';
import { openBenchApi, type BenchApi } from './http.ts';
import { openBenchService, type BenchService } from './service.ts';
import { BENCH_URL, ensureListingData, PERSONNE_ROWS } from './data/listing-data.ts';
import { count, formatTable, measureLatency, measureThroughput, ms } from './lib/measure.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONCURRENCY = 10;

/** Some figures per case, under their titles. */
interface Column {
  titles: string[];
  measure(benchCase: ListingCase): Promise<string[]>;
}

interface Layer {
  columns: Column[];
  close(): Promise<void>;
}

// ---- raw SQL ------------------------------------------------------------------------------

// The same JS values as the framework's server connections.
const types = serverTypes();

/** A connection like the application's: role `commun_app`, collectivité set, so RLS applies. */
async function appClient(): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: BENCH_URL, options: `-c role=${APP_ROLE}`, types });
  await client.connect();
  await client.query(`select set_config('commun.collectivite', $1, false), set_config('commun.toutes', 'off', false)`, [
    String(COLLECTIVITE),
  ]);
  return client;
}

/** Median of the raw SQL per case, for the service's overhead column. */
const rawMedians = new Map<string, number>();
/** Median of the service with the default total per case, for the page's ratio column. */
const countedMedians = new Map<string, number>();

async function rawLayer(service: BenchService): Promise<Layer> {
  const clients = await Promise.all(Array.from({ length: CONCURRENCY }, appClient));
  const [single] = clients as [pg.Client];
  const run = async (client: pg.Client, benchCase: ListingCase) => {
    const { sql, params } = await service.sqlOf(benchCase);
    return client.query(sql, params);
  };

  async function rawCase(benchCase: ListingCase): Promise<string[]> {
    const check = await run(single, benchCase);
    if (check.rowCount !== PER_PAGE) throw new Error(`${benchCase.name} : ${check.rowCount} lignes au lieu de ${PER_PAGE}`);
    const latency = await measureLatency(() => run(single, benchCase), { runs: 200 });
    rawMedians.set(benchCase.name, latency.medianMs);
    return [ms(latency.medianMs), ms(latency.p95Ms)];
  }

  async function rawThroughput(benchCase: ListingCase): Promise<string[]> {
    const result = await measureThroughput((loop) => run(clients[loop] as pg.Client, benchCase), {
      concurrency: CONCURRENCY,
      seconds: SECONDS,
    });
    if (result.errors > 0) throw result.firstError;
    return [count(result.perSecond)];
  }

  return {
    columns: [
      { titles: ['SQL médiane ms', 'SQL p95 ms'], measure: rawCase },
      { titles: [`SQL req/s (${CONCURRENCY} clients)`], measure: rawThroughput },
    ],
    close: async () => {
      await Promise.all(clients.map((client) => client.end()));
    },
  };
}

// ---- record service ---------------------------------------------------------------------------

function serviceLayer(service: BenchService): Layer {
  async function serviceCase(benchCase: ListingCase): Promise<string[]> {
    const rows = await service.list(benchCase);
    if (rows !== PER_PAGE) throw new Error(`${benchCase.name} : ${rows} lignes au lieu de ${PER_PAGE} (service)`);
    const latency = await measureLatency(() => service.list(benchCase), { runs: 200 });
    const raw = rawMedians.get(benchCase.name) ?? NaN;
    const overhead = `${Math.round((latency.medianMs / raw - 1) * 100)} %`;
    const counted = await measureLatency(() => service.list(benchCase, 'estimated'), { runs: 30 });
    countedMedians.set(benchCase.name, counted.medianMs);
    return [ms(latency.medianMs), ms(latency.p95Ms), overhead, ms(counted.medianMs)];
  }
  return {
    columns: [{ titles: ['service médiane ms', 'service p95 ms', 'surcoût', 'avec total ms'], measure: serviceCase }],
    close: async () => undefined,
  };
}

// ---- HTTP API ------------------------------------------------------------------------------------

/** The API's throughput on the first case (first page), next to the raw query's. */
function apiLayer(api: BenchApi): Layer {
  async function apiThroughput(benchCase: ListingCase): Promise<string[]> {
    if (benchCase !== listingCases[0]) return ['—'];
    return [count(await api.throughput(benchCase, SECONDS, CONCURRENCY))];
  }
  return { columns: [{ titles: [`API req/s (${CONCURRENCY} clients)`], measure: apiThroughput }], close: () => api.close() };
}

// ---- listing page (HTML) -----------------------------------------------------------------------

/** The listing page's time per case, next to the record-service call it is built on. */
function pageLayer(api: BenchApi): Layer {
  async function pageCase(benchCase: ListingCase): Promise<string[]> {
    const latency = await measureLatency(api.page(benchCase), { runs: 30 });
    const service = countedMedians.get(benchCase.name) ?? NaN;
    return [ms(latency.medianMs), `× ${(latency.medianMs / service).toFixed(2)}`];
  }
  return { columns: [{ titles: ['page HTML ms', 'page / service'], measure: pageCase }], close: async () => undefined };
}

// ---- run ----------------------------------------------------------------------------------

async function serverVersion(): Promise<string> {
  const client = await appClient();
  try {
    const result = await client.query<{ v: string }>(`select current_setting('server_version') as v`);
    return result.rows[0]?.v ?? '?';
  } finally {
    await client.end();
  }
}

const data = await ensureListingData(BENCH_URL);
console.log(
  `PostgreSQL ${await serverVersion()}, ${count(PERSONNE_ROWS)} personnes, ${PER_PAGE} par page, ` +
    `débit sur ${SECONDS} s${data.trigram ? '' : ' (pg_trgm absent : recherche sans index trigramme)'}.\n`,
);

const service = await openBenchService(BENCH_URL);
const api = await openBenchApi(service);
const layers: Layer[] = [await rawLayer(service), serviceLayer(service), pageLayer(api), apiLayer(api)];
const header = ['cas', ...layers.flatMap((layer) => layer.columns.flatMap((column) => column.titles))];
const rows: string[][] = [];
try {
  for (const benchCase of listingCases) {
    const row = [benchCase.name];
    for (const layer of layers) for (const column of layer.columns) row.push(...(await column.measure(benchCase)));
    rows.push(row);
    process.stderr.write(`  ${benchCase.name} : fait\n`);
  }
} finally {
  for (const layer of layers) await layer.close();
  await service.close();
}
console.log(formatTable(header, rows));
