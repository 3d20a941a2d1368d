/**
 * Mail registry search benchmark (`npm run bench:courrier`), issue 15: « Recherche courrier » over
 * 500,000 mails, through the application's own listing path beside the same search in raw SQL.
 *
 * A fresh server database `commun_bench_courrier` beside BENCH_DATABASE_URL's, the courrier
 * application migrated by the `commun start` bootstrap, then loaded by a few inserts from
 * generate_series (seeded: the same data every run): the organisation of apps/courrier/test/support.ts
 * (DG › URBA › VOIRIE, ETAT, COURRIER and ten more services, the users chef, agent, urba, voirie, etat
 * with their agents), 50,000 correspondents (a fifth of them organisations, names from a list, some
 * typed in capitals), 500,000 mails over five years (2021-2025), three quarters arrivals, numbered per
 * register and year without gap (`2023-1842`, `2023-D-611`), objets from word lists, ~2 % confidential.
 *
 * Searched as `urba` (an agent of URBA, not « tous services »: row-level security applies), each
 * case BENCH_RUNS times after 3 unmeasured:
 *   (0) the default listing (first page, sorted -cree_le, -courrier);
 *   (a) the correspondent's name « durand »: the simple search `q=durand` (it reads numero, objet,
 *       observation and the label of every foreign key, the correspondent's name among them);
 *   (b) the objet's words: the advanced criterion `objet` contains `*permis*construire*`;
 *   (c) one month of « Arrivé le » (advanced criterion, both bounds), (c′) an older month;
 *   (d) the three together within one year (`q` with the criteria, as the API accepts them).
 * The application's side is the records service's `listRecords` on the `courrier` object (what the
 * listing page and the API call: page of 15 and its total); the raw side is one hand-written page
 * query and its count through `pg` as the application role with the same settings (RLS applies),
 * then the same as the table's owner (no RLS). Both sides must give the same first page and total.
 * Every case is measured twice in the run: without the indexes of migration 0007 (dropped after the
 * migration), then with them (the migration's own SQL run again).
 *
 *   BENCH_DATABASE_URL   server (default postgres://postgres@127.0.0.1:5432/commun_bench)
 *   BENCH_RUNS           measures per case with the indexes (default 20, after 3 unmeasured)
 *   BENCH_RUNS_SANS      measures per case without them (default 3, after 1: a case may take 40 s)
 */
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import pg from 'pg';
import { loadActor } from '../framework/src/access/load-actor.ts';
import { hashPassword } from '../framework/src/access/passwords.ts';
import type { Actor } from '../framework/src/access/actor.ts';
import { bootstrap } from '../framework/src/bootstrap.ts';
import { loadConfig } from '../framework/src/config/index.ts';
import { listRecords, type ListRequest, type ReadDeps } from '../framework/src/records/index.ts';
import { courrier } from '../apps/courrier/src/index.ts';
import { freshServerDatabase } from './lib/instance.ts';
import { count, formatTable, ms, percentile } from './lib/measure.ts';
import { CORRESPONDANTS, COURRIERS, loadCourrier } from './lib/courrier-data.ts';

const BASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/commun_bench';
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const WARMUP = 3;
const RUNS_WITHOUT = Number(process.env.BENCH_RUNS_SANS ?? 3);
const PER_PAGE = 15;
const INDEX_MIGRATION = new URL('../apps/courrier/migrations/0007_index_recherche.sql', import.meta.url);

interface Case {
  readonly label: string;
  /** What the listing is asked (simple search, advanced criteria). */
  readonly request: ListRequest;
  /** The same condition by hand, on `c` (courrier) and `k` (its correspondent). */
  readonly condition: string;
  readonly parameters: readonly unknown[];
}

const CASES: readonly Case[] = [
  { label: '(0) liste par défaut', request: {}, condition: 'true', parameters: [] },
  {
    label: '(a) correspondant « durand »',
    request: { q: 'durand' },
    condition: `om.fold(k.nom::text) like om.fold($1)`,
    parameters: ['%durand%'],
  },
  {
    label: '(b) objet « *permis*construire* »',
    request: { criteria: [{ field: 'objet', op: 'contains', value: '*permis*construire*' }] },
    condition: `om.fold(c.objet) like om.fold($1)`,
    parameters: ['%permis%construire%'],
  },
  {
    label: '(c) arrivé en mars 2023',
    request: { criteria: [{ field: 'date_arrivee', op: 'gte', value: '01/03/2023' }, { field: 'date_arrivee', op: 'lte', value: '31/03/2023' }] },
    condition: `c.date_arrivee between $1 and $2`,
    parameters: ['2023-03-01', '2023-03-31'],
  },
  {
    // An old month: the walk of the default sort's index (newest first) reads most of the table.
    label: '(c′) arrivé en mars 2021',
    request: { criteria: [{ field: 'date_arrivee', op: 'gte', value: '01/03/2021' }, { field: 'date_arrivee', op: 'lte', value: '31/03/2021' }] },
    condition: `c.date_arrivee between $1 and $2`,
    parameters: ['2021-03-01', '2021-03-31'],
  },
  {
    label: '(d) durand + permis construire + 2024',
    request: {
      q: 'durand',
      criteria: [
        { field: 'objet', op: 'contains', value: '*permis*construire*' },
        { field: 'date_arrivee', op: 'gte', value: '01/01/2024' },
        { field: 'date_arrivee', op: 'lte', value: '31/12/2024' },
      ],
    },
    condition: `om.fold(k.nom::text) like om.fold($1) and om.fold(c.objet) like om.fold($2) and c.date_arrivee between $3 and $4`,
    parameters: ['%durand%', '%permis%construire%', '2024-01-01', '2024-12-31'],
  },
];

/** The page as the listing shows it: the mail, its correspondent's and service's labels, newest first. */
const pageSql = (condition: string) => `
select c.courrier, c.numero, c.registre, c.date_arrivee, c.date_depart, c.objet, c.priorite, c.etat,
       k.nom as correspondant, s.libelle as service
  from courrier.courrier c
  join courrier.correspondant k on k.correspondant = c.correspondant
  join courrier.service s on s.service = c.service
 where c.om_collectivite = 1 and ${condition}
 order by c.cree_le desc nulls last, c.courrier desc nulls last
 limit ${PER_PAGE}`;

const countSql = (condition: string) => `
select count(*)::int as n
  from courrier.courrier c
  join courrier.correspondant k on k.correspondant = c.correspondant
 where c.om_collectivite = 1 and ${condition}`;

const loadAverage = () => readFileSync('/proc/loadavg', 'utf8').trim();

interface Outcome {
  readonly keys: number[];
  readonly total: number | null;
  readonly estimate: boolean;
}

interface Measured {
  readonly samples: number[];
  readonly outcome: Outcome;
}

interface Repeats {
  readonly runs: number;
  readonly warmup: number;
}

async function measure(repeats: Repeats, work: () => Promise<Outcome>): Promise<Measured> {
  let outcome = await work();
  for (let i = 1; i < repeats.warmup; i++) outcome = await work();
  const samples: number[] = [];
  for (let i = 0; i < repeats.runs; i++) {
    const started = performance.now();
    outcome = await work();
    samples.push(performance.now() - started);
  }
  return { samples: samples.sort((a, b) => a - b), outcome };
}

/** The raw side: the page, then its count when the listing counts (not for an estimate). */
async function raw(client: pg.Client, item: Case, counted: boolean): Promise<Outcome> {
  const page = await client.query<{ courrier: number }>(pageSql(item.condition), [...item.parameters]);
  const keys = page.rows.map((row) => Number(row.courrier));
  if (!counted) return { keys, total: null, estimate: false };
  const total = keys.length < PER_PAGE ? keys.length : Number((await client.query<{ n: number }>(countSql(item.condition), [...item.parameters])).rows[0]?.n);
  return { keys, total, estimate: false };
}

interface PlanNode {
  readonly 'Node Type': string;
  readonly 'Relation Name'?: string;
  readonly 'Index Name'?: string;
  readonly Plans?: PlanNode[];
}

/** How each table is read, by index name or scan kind (« courrier: Index Scan courrier_cree_le »). */
function scans(node: PlanNode, found: string[] = []): string[] {
  if (node['Relation Name']) found.push(`${node['Relation Name']} : ${node['Node Type']}${node['Index Name'] ? ` ${node['Index Name']}` : ''}`);
  else if (node['Index Name']) found.push(`${node['Node Type']} ${node['Index Name']}`);
  for (const child of node.Plans ?? []) scans(child, found);
  return found;
}

async function planOf(client: pg.Client, item: Case): Promise<string> {
  const result = await client.query<{ 'QUERY PLAN': [{ Plan: PlanNode; 'Execution Time': number }] }>(`explain (analyze, format json) ${pageSql(item.condition)}`, [...item.parameters]);
  const [explained] = result.rows[0]?.['QUERY PLAN'] ?? [];
  if (!explained) return '?';
  return `${explained['Execution Time'].toFixed(1)} ms ; ${[...new Set(scans(explained.Plan))].join(', ')}`;
}

const total = (outcome: Outcome) => (outcome.total === null ? '–' : `${count(outcome.total)}${outcome.estimate ? ' (estimé)' : ''}`);

/** Every case on both sides; the rows of the table and the notes (differences, plans). */
async function runCases(phase: string, repeats: Repeats, deps: ReadDeps, actor: Actor, appRole: pg.Client, owner: pg.Client) {
  const rows: string[][] = [];
  const notes: string[] = [];
  const object = deps.registry.get('courrier', 'courrier');
  if (!object) throw new Error('courrier/courrier non enregistré');
  for (const item of CASES) {
    const app = await measure(repeats, async () => {
      const result = await listRecords(deps, actor, object, { ...item.request, perPage: PER_PAGE });
      return { keys: result.rows.map((row) => Number(row.courrier)), total: result.total, estimate: result.totalIsEstimate };
    });
    const counted = !app.outcome.estimate;
    const underRls = await measure(repeats, () => raw(appRole, item, counted));
    const unscoped = await measure(repeats, () => raw(owner, item, counted));
    const median = (measured: Measured) => percentile(measured.samples, 0.5);
    const ratio = (measured: Measured) => (median(measured) / median(underRls)).toFixed(1);
    rows.push(
      [phase, item.label, 'application (listRecords)', total(app.outcome), ms(median(app)), ms(percentile(app.samples, 0.95)), ratio(app)],
      ['', '', 'SQL brut (rôle applicatif, RLS)', total(underRls.outcome), ms(median(underRls)), ms(percentile(underRls.samples, 0.95)), '1.0'],
      ['', '', 'SQL brut (propriétaire, sans RLS)', total(unscoped.outcome), ms(median(unscoped)), ms(percentile(unscoped.samples, 0.95)), ratio(unscoped)],
    );
    const same = (a: Outcome, b: Outcome) => a.keys.join(',') === b.keys.join(',') && (a.estimate || b.total === null || a.total === b.total);
    if (!same(app.outcome, underRls.outcome)) {
      notes.push(`${phase} ${item.label} : l’application et le SQL brut diffèrent (clés ${app.outcome.keys.slice(0, 5).join(',')}… total ${total(app.outcome)} contre ${underRls.outcome.keys.slice(0, 5).join(',')}… total ${total(underRls.outcome)}).`);
    } else if (app.outcome.keys.length === 0) {
      notes.push(`${phase} ${item.label} : aucune ligne trouvée, le cas ne mesure rien.`);
    }
    if (underRls.outcome.keys.join(',') !== unscoped.outcome.keys.join(',')) notes.push(`${phase} ${item.label} : le propriétaire voit une autre première page (courriers confidentiels d’autres services).`);
    notes.push(`${phase} ${item.label} : plan sous RLS ${await planOf(appRole, item)} | propriétaire ${await planOf(owner, item)}.`);
  }
  return { rows, notes };
}

// ---- the run ------------------------------------------------------------------------------------

const loadBefore = loadAverage();
const databaseUrl = await freshServerDatabase(BASE_URL, 'commun_bench_courrier');
const setupStarted = performance.now();
const config = loadConfig({ DATABASE_URL: databaseUrl, COMMUN_DEMO: '0', LOG_LEVEL: 'silent', COMMUN_ADMIN_PASSWORD: 'Banc-Essai-Courrier-Admin-1' });
const { runtime } = await bootstrap(config, [courrier]);

const owner = new pg.Client({ connectionString: databaseUrl });
await owner.connect();
const appRole = new pg.Client({ connectionString: databaseUrl });
await appRole.connect();
try {
  // Without the search indexes (0007) first: the search as the application stood before them.
  const indexSql = readFileSync(INDEX_MIGRATION, 'utf8');
  const indexNames = [...indexSql.matchAll(/create index if not exists (\w+)/g)].map((match) => match[1] as string);
  for (const name of indexNames) await owner.query(`drop index if exists courrier.${pg.escapeIdentifier(name)}`);
  const loaded = await loadCourrier(owner, await hashPassword('Banc-Essai-Courrier-1'));
  console.log(
    `${count(CORRESPONDANTS)} correspondants et ${count(COURRIERS)} courriers chargés en ${(loaded.ms / 1000).toFixed(1)} s ; ` +
      `instance prête en ${((performance.now() - setupStarted) / 1000).toFixed(1)} s. Page de ${PER_PAGE} ; par cas, sans les index ${RUNS_WITHOUT} mesures après 1 à blanc, avec ${RUNS} après ${WARMUP}.`,
  );
  const actor = await loadActor(runtime.db.kysely, loaded.urba);
  if (!actor) throw new Error('utilisateur urba introuvable');
  const deps: ReadDeps = { db: runtime.db, registry: runtime.registry, locale: 'fr', exactCountLimit: runtime.config.exactCountLimit };
  // As the application role with the settings readAs gives urba's unit of work.
  await appRole.query('set role commun_app');
  await appRole.query(`select set_config('commun.collectivite', '1', false), set_config('commun.toutes', 'off', false), set_config('commun.utilisateur', 'urba', false)`);

  // BENCH_RUNS_SANS=0 skips the phase without indexes (minutes on 500,000 mails).
  const before = RUNS_WITHOUT > 0 ? await runCases('sans 0007', { runs: RUNS_WITHOUT, warmup: 1 }, deps, actor, appRole, owner) : { rows: [], notes: [] };
  const indexStarted = performance.now();
  await owner.query(indexSql);
  await owner.query('analyze courrier.courrier; analyze courrier.correspondant');
  const indexMs = performance.now() - indexStarted;
  const after = await runCases('avec 0007', { runs: RUNS, warmup: WARMUP }, deps, actor, appRole, owner);

  console.log('');
  console.log(formatTable(['index', 'cas', 'côté', 'total', 'p50 (ms)', 'p95 (ms)', '× SQL RLS'], [...before.rows, ...after.rows]));
  console.log('');
  console.log(`Index de 0007 (${indexNames.join(', ')}) créés en ${(indexMs / 1000).toFixed(1)} s sur les données chargées.`);
  console.log(
    `Visibles par urba : ${count(loaded.visibles)} courriers sur ${count(COURRIERS)} (${count(loaded.confidentiels)} confidentiels) ; ` +
      `les compter : ${ms(loaded.visiblesMs)} ms sous RLS, ${ms(loaded.ownerCountMs)} ms en propriétaire.`,
  );
  for (const note of [...before.notes, ...after.notes]) console.log(note);
  console.log(`Machine : ${cpus().length} cœur(s), Node ${process.version}.`);
  console.log(`Charge (/proc/loadavg) avant : ${loadBefore}`);
  console.log(`Charge (/proc/loadavg) après : ${loadAverage()}`);
} finally {
  await appRole.end();
  await owner.end();
  await runtime.db.close();
}
