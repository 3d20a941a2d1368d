/**
 * A user's waiting scans (`om.om_fichier_attente`): the file itself is kept in the file store
 * (committed, so the store's sweep never takes it); the row says whose it is and goes when an
 * application claims the file in its own transaction, or when the user removes it. Every query
 * runs as the actor and names the actor's own rows: the ownership policy of the table says the same.
 */
import { sql } from 'kysely';
import { isSystem, type Actor } from '../../access/actor.ts';
import type { Db } from '../../db/connection.ts';
import { readAs, writeAs } from '../../db/tenant-context.ts';
import type { CheckedUpload } from '../check.ts';
import { fileStoreOf } from '../store.ts';
import { intakeMessage } from './messages.ts';
import { checkScan } from './rules.ts';

export type WaitingSource = 'depot' | 'dossier';

export interface WaitingFile {
  readonly id: number;
  /** The file in the store (`om_fichier`). */
  readonly fileId: string;
  readonly name: string;
  readonly type: string;
  readonly size: number;
  /** ISO 8601. */
  readonly receivedAt: string;
  readonly source: WaitingSource;
}

/** What the intake needs of a runtime: the database and the data folder (as the file store). */
export type IntakeRuntime = Parameters<typeof fileStoreOf>[0];

/** A scan refused (type, size, no user): the message is for users. */
export class IntakeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IntakeError';
  }
}

interface WaitingRow {
  om_fichier_attente: number | string;
  fichier: string;
  nom: string;
  type_mime: string;
  taille: number | string;
  recu_le: Date | string;
  source: string;
}

const toWaiting = (row: WaitingRow): WaitingFile => ({
  id: Number(row.om_fichier_attente),
  fileId: row.fichier,
  name: row.nom,
  type: row.type_mime,
  size: Number(row.taille),
  receivedAt: new Date(row.recu_le).toISOString(),
  source: row.source === 'dossier' ? 'dossier' : 'depot',
});

const isRowId = (id: number) => Number.isSafeInteger(id) && id > 0 && id <= 2_147_483_647;

/** The actor's waiting files, oldest first; with `application`, those meant for it or for any. */
export async function listWaitingFiles(db: Db, actor: Actor, application?: string): Promise<WaitingFile[]> {
  if (isSystem(actor)) return [];
  const rows = await readAs(db, actor, async (connection) =>
    (
      await sql<WaitingRow>`select * from om.om_fichier_attente
        where om_utilisateur = ${actor.userId}
          and (${application ?? null}::varchar is null or application is null or application = ${application ?? null}::varchar)
        order by recu_le, om_fichier_attente`.execute(connection)
    ).rows,
  );
  return rows.map(toWaiting);
}

/** The scan offered first when registering: the actor's oldest waiting file (for `application`). */
export async function nextWaitingFile(db: Db, actor: Actor, application?: string): Promise<WaitingFile | undefined> {
  return (await listWaitingFiles(db, actor, application))[0];
}

/** One of the actor's waiting files, by id (undefined when not the actor's or gone). */
export async function findWaitingFile(db: Db, actor: Actor, id: number): Promise<WaitingFile | undefined> {
  if (isSystem(actor) || !isRowId(id)) return undefined;
  const row = await readAs(db, actor, async (connection) =>
    (await sql<WaitingRow>`select * from om.om_fichier_attente where om_fichier_attente = ${id} and om_utilisateur = ${actor.userId}`.execute(connection)).rows[0],
  );
  return row ? toWaiting(row) : undefined;
}

/** Keeps a checked scan for the actor (`source`: dropped on the page, or taken from the watched folder). */
export async function keepWaitingFile(runtime: IntakeRuntime, actor: Actor, upload: CheckedUpload, source: WaitingSource, application?: string): Promise<WaitingFile> {
  if (isSystem(actor)) throw new IntakeError(intakeMessage('refus.systeme'));
  const checked = checkScan({ name: upload.name, declaredType: upload.type, bytes: upload.bytes });
  if (!checked.ok) throw new IntakeError(checked.message);
  const store = fileStoreOf(runtime);
  const collectivite = actor.workingCollectivite;
  const stored = await store.stage(actor, checked.upload, collectivite);
  try {
    const row = await writeAs(runtime.db.kysely, actor, async (trx) => {
      await sql`update om.om_fichier set temporaire = false where om_fichier = ${stored.id}`.execute(trx);
      return (
        await sql<WaitingRow>`insert into om.om_fichier_attente (om_utilisateur, application, fichier, nom, type_mime, taille, source, om_collectivite)
          values (${actor.userId}, ${application ?? null}, ${stored.id}, ${stored.name}, ${stored.type}, ${stored.size}, ${source}, ${collectivite})
          returning *`.execute(trx)
      ).rows[0];
    });
    if (!row) throw new Error('om_fichier_attente: insertion sans résultat');
    return toWaiting(row);
  } catch (error) {
    await store.remove(actor, stored.id);
    throw error;
  }
}

/** Adds a file the actor uploaded (PDF, PNG or JPEG, 30 Mo at most; else an `IntakeError`). */
export function addWaitingFile(runtime: IntakeRuntime, actor: Actor, upload: CheckedUpload, application?: string): Promise<WaitingFile> {
  return keepWaitingFile(runtime, actor, upload, 'depot', application);
}

/** Removes one of the actor's waiting files and releases the stored file; false when not the actor's or gone. */
export async function removeWaitingFile(runtime: IntakeRuntime, actor: Actor, id: number): Promise<boolean> {
  if (isSystem(actor) || !isRowId(id)) return false;
  const row = await writeAs(runtime.db.kysely, actor, async (trx) =>
    (
      await sql<{ fichier: string }>`delete from om.om_fichier_attente where om_fichier_attente = ${id} and om_utilisateur = ${actor.userId}
        returning fichier`.execute(trx)
    ).rows[0],
  );
  if (!row) return false;
  await fileStoreOf(runtime).remove(actor, row.fichier);
  return true;
}

/**
 * In the caller's transaction (a registration): the waiting row goes, the file stays (committed);
 * undefined when not the actor's / gone. A rollback leaves the file waiting.
 */
export async function claimWaitingFile(trx: Db, actor: Actor, id: number): Promise<WaitingFile | undefined> {
  if (isSystem(actor) || !isRowId(id)) return undefined;
  const row = (
    await sql<WaitingRow>`delete from om.om_fichier_attente where om_fichier_attente = ${id} and om_utilisateur = ${actor.userId}
      returning *`.execute(trx)
  ).rows[0];
  return row ? toWaiting(row) : undefined;
}
