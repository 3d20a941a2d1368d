/**
 * The rows of `om.om_traitement`. Users' reads run as the user (row-level security keeps them in
 * their collectivité) and are filtered to their own jobs unless they see every job of it; the
 * job's own writes (progress, end) run as the system, since the job writes its row whoever reads.
 */
import { sql } from 'kysely';
import { SYSTEM_ACTOR, type Actor } from '../access/actor.ts';
import type { Db } from '../db/connection.ts';
import { readAs, writeAs } from '../db/tenant-context.ts';
import { ACTIVE_STATES, type AnyJob, type JobProgress, type JobState } from './types.ts';

interface JobRow {
  id: string;
  kind: string;
  owner: number;
  owner_name: string | null;
  collectivite: number;
  state: JobState;
  done: number | string;
  total: number | string | null;
  created_at: number;
  started_at: number | null;
  finished_at: number | null;
  file_name: string | null;
  context: Record<string, unknown> | null;
  summary: Record<string, unknown> | null;
  result: unknown;
  files: string[] | null;
  files_deleted_at: number | null;
  error: string | null;
  cancel_requested: boolean;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const isJobId = (value: string) => UUID.test(value);

const epoch = (column: string) => sql.raw(`(extract(epoch from t.${column}) * 1000)::float8`);

const SELECT = sql`select t.om_traitement as id, t.type as kind, t.om_utilisateur as owner, u.nom as owner_name,
    t.om_collectivite as collectivite, t.etat as state, t.avancement as done, t.total,
    ${epoch('cree_le')} as created_at, ${epoch('debute_le')} as started_at, ${epoch('termine_le')} as finished_at,
    t.fichier_nom as file_name, t.contexte as context, t.bilan as summary, t.resultat as result, t.fichiers as files,
    ${epoch('fichiers_supprimes_le')} as files_deleted_at, t.erreur as error, t.annulation_demandee as cancel_requested
  from om.om_traitement t left join om.om_utilisateur u on u.om_utilisateur = t.om_utilisateur`;

const optionalNumber = (value: number | string | null) => (value === null ? undefined : Number(value));

function toJob(row: JobRow): AnyJob {
  return {
    id: row.id,
    kind: row.kind,
    owner: Number(row.owner),
    ownerName: row.owner_name ?? undefined,
    collectivite: Number(row.collectivite),
    state: row.state,
    progress: { done: Number(row.done), total: optionalNumber(row.total) },
    createdAt: Number(row.created_at),
    startedAt: optionalNumber(row.started_at),
    finishedAt: optionalNumber(row.finished_at),
    fileName: row.file_name ?? undefined,
    context: row.context ?? {},
    summary: row.summary ?? undefined,
    result: row.result ?? undefined,
    files: row.files ?? [],
    filesDeletedAt: optionalNumber(row.files_deleted_at),
    error: row.error ?? undefined,
    cancelRequested: row.cancel_requested,
  };
}

/** Who reads: the actor, limited to their own jobs unless `everyone` (every job RLS shows them). */
export interface Reader {
  readonly actor: Actor;
  readonly everyone: boolean;
}

const visibleTo = (reader: Reader) => sql`(t.om_utilisateur = ${reader.actor.userId} or ${reader.everyone})`;

export interface NewJobRow {
  readonly id: string;
  readonly kind: string;
  readonly fileName: string | undefined;
  readonly context: unknown;
  readonly host: string;
  readonly pid: number;
  /** Jobs the owner may have running at once, this one included. */
  readonly maxRunning: number;
}

/** Inserts the job « en attente », as its owner; false when the owner already runs `maxRunning` jobs. */
export async function insertJob(db: Db, actor: Actor, job: NewJobRow): Promise<boolean> {
  return writeAs(db, actor, async (trx) => {
    const inserted = await sql<{ om_traitement: string }>`insert into om.om_traitement
        (om_traitement, type, om_utilisateur, om_collectivite, etat, fichier_nom, contexte, hote, pid, signe_de_vie)
      select ${job.id}, ${job.kind}, ${actor.userId}, ${actor.workingCollectivite}, 'en_attente', ${job.fileName ?? null},
             ${JSON.stringify(job.context ?? {})}::jsonb, ${job.host}, ${job.pid}, now()
       where (select count(*) from om.om_traitement
               where om_utilisateur = ${actor.userId} and etat in ('en_attente', 'en_cours')) < ${job.maxRunning}
      returning om_traitement`.execute(trx);
    return inserted.rows.length === 1;
  });
}

export async function markStarted(db: Db, id: string): Promise<void> {
  await writeAs(db, SYSTEM_ACTOR, (trx) =>
    sql`update om.om_traitement set etat = 'en_cours', debute_le = now(), signe_de_vie = now()
      where om_traitement = ${id} and etat = 'en_attente'`.execute(trx),
  );
}

/** Progress and heartbeat; tells whether a cancel was asked (from another process). */
export async function writeProgress(db: Db, id: string, progress: JobProgress, files: readonly string[]): Promise<boolean> {
  const rows = await writeAs(db, SYSTEM_ACTOR, async (trx) =>
    (
      await sql<{ annulation_demandee: boolean }>`update om.om_traitement
          set avancement = ${progress.done}, total = ${progress.total ?? null}, fichiers = ${[...files]}::text[], signe_de_vie = now()
        where om_traitement = ${id} returning annulation_demandee`.execute(trx)
    ).rows,
  );
  return rows[0]?.annulation_demandee === true;
}

/** In the caller's transaction: the summary commits, or not, with the batch it describes. */
export async function writeSummary(trx: Db, id: string, summary: Readonly<Record<string, unknown>>): Promise<void> {
  await sql`update om.om_traitement set bilan = ${JSON.stringify(summary)}::jsonb where om_traitement = ${id}`.execute(trx);
}

export interface JobEnd {
  readonly state: JobState;
  readonly progress: JobProgress;
  readonly result: unknown;
  readonly error: string | undefined;
  readonly files: readonly string[];
}

export async function finishJob(db: Db, id: string, end: JobEnd): Promise<void> {
  const result = end.result === undefined ? null : JSON.stringify(end.result);
  await writeAs(db, SYSTEM_ACTOR, (trx) =>
    sql`update om.om_traitement
          set etat = ${end.state}, termine_le = now(), signe_de_vie = now(), avancement = ${end.progress.done},
              total = ${end.progress.total ?? null}, resultat = ${result}::jsonb, erreur = ${end.error ?? null},
              fichiers = ${[...end.files]}::text[]
        where om_traitement = ${id}`.execute(trx),
  );
}

/** One job the reader may see (of `kind` when given); undefined otherwise. */
export async function readJob(db: Db, reader: Reader, id: string, kind?: string): Promise<AnyJob | undefined> {
  if (!isJobId(id)) return undefined;
  const ofKind = kind === undefined ? sql.raw('') : sql`and t.type = ${kind}`;
  const rows = await readAs(db, reader.actor, async (connection) =>
    (await sql<JobRow>`${SELECT} where t.om_traitement = ${id} and ${visibleTo(reader)} ${ofKind}`.execute(connection)).rows,
  );
  return rows[0] ? toJob(rows[0]) : undefined;
}

export interface JobPage {
  readonly jobs: readonly AnyJob[];
  readonly total: number;
}

/** The jobs the reader may see, most recent first. */
export async function listJobs(db: Db, reader: Reader, page: { readonly offset: number; readonly limit: number }): Promise<JobPage> {
  return readAs(db, reader.actor, async (connection) => {
    const counted = await sql<{ n: number | string }>`select count(*) as n from om.om_traitement t where ${visibleTo(reader)}`.execute(connection);
    const rows = await sql<JobRow>`${SELECT} where ${visibleTo(reader)}
      order by t.cree_le desc, t.om_traitement limit ${page.limit} offset ${page.offset}`.execute(connection);
    return { jobs: rows.rows.map(toJob), total: Number(counted.rows[0]?.n ?? 0) };
  });
}

/** Asks the process running the job to stop it; false when it is no longer running. */
export async function requestCancel(db: Db, id: string): Promise<boolean> {
  const rows = await writeAs(db, SYSTEM_ACTOR, async (trx) =>
    (
      await sql<{ om_traitement: string }>`update om.om_traitement set annulation_demandee = true
        where om_traitement = ${id} and etat in ('en_attente', 'en_cours') returning om_traitement`.execute(trx)
    ).rows,
  );
  return rows.length === 1;
}

export interface ActiveJobRow {
  readonly id: string;
  readonly host: string | null;
  readonly pid: number | null;
  /** Milliseconds since its last heartbeat. */
  readonly silentMs: number;
}

/** Every job « en attente » or « en cours », whoever owns it. */
export async function activeJobs(db: Db): Promise<ActiveJobRow[]> {
  const rows = await writeAs(db, SYSTEM_ACTOR, async (trx) =>
    (
      await sql<{ id: string; host: string | null; pid: number | null; silent_ms: number }>`select om_traitement as id, hote as host, pid,
          (extract(epoch from now() - coalesce(signe_de_vie, cree_le)) * 1000)::float8 as silent_ms
        from om.om_traitement where etat in ('en_attente', 'en_cours')`.execute(trx)
    ).rows,
  );
  return rows.map((row) => ({ id: row.id, host: row.host, pid: row.pid === null ? null : Number(row.pid), silentMs: Number(row.silent_ms) }));
}

/** Those jobs become « interrompu », keeping their progress and summary. */
export async function markInterrupted(db: Db, ids: readonly string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const rows = await writeAs(db, SYSTEM_ACTOR, async (trx) =>
    (
      await sql<{ om_traitement: string }>`update om.om_traitement set etat = 'interrompu', termine_le = now()
        where om_traitement = any(${[...ids]}::uuid[]) and etat in ('en_attente', 'en_cours') returning om_traitement`.execute(trx)
    ).rows,
  );
  return rows.length;
}

/** Finished jobs whose files are older than the retention delay and not deleted yet. */
export async function expiredJobs(db: Db, keepDays: number): Promise<string[]> {
  const rows = await writeAs(db, SYSTEM_ACTOR, async (trx) =>
    (
      await sql<{ om_traitement: string }>`select om_traitement from om.om_traitement
        where fichiers_supprimes_le is null and not (etat = any(${[...ACTIVE_STATES]}::text[]))
          and termine_le < now() - make_interval(days => ${keepDays})`.execute(trx)
    ).rows,
  );
  return rows.map((row) => row.om_traitement);
}

export async function markFilesDeleted(db: Db, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await writeAs(db, SYSTEM_ACTOR, (trx) =>
    sql`update om.om_traitement set fichiers_supprimes_le = now() where om_traitement = any(${[...ids]}::uuid[])`.execute(trx),
  );
}
