/**
 * The framework's file store: contents on disk under `<data dir>/fichiers/ab/abcd…/<uuid>`,
 * metadata in `om.om_fichier` (name, size, type, SHA-256, collectivité, author). A file is first
 * stored as temporary (`stage`), then kept (`commit`) once the record that holds it is saved, or
 * removed (`remove`) when that save fails or when the record lets it go. Temporary files left by
 * an interrupted treatment are swept after a day.
 *
 * Reads and writes of the metadata run as the actor, under the collectivité rules (RLS); who may
 * download a file is decided by the record that holds it, never by the file's id alone.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { sql, type Transaction } from 'kysely';
import { SYSTEM_ACTOR, isSystem, type Actor } from '../access/actor.ts';
import type { Db, Schema } from '../db/connection.ts';
import { readAs, writeAs } from '../db/tenant-context.ts';
import type { CheckedUpload } from './check.ts';

export interface StoredFile {
  readonly id: string;
  readonly name: string;
  readonly size: number;
  readonly type: string;
  readonly sha256: string;
  readonly temporary: boolean;
  readonly collectivite: number | null;
}

interface FileRow {
  om_fichier: string;
  nom: string;
  taille: number | string;
  type_mime: string;
  sha256: string;
  temporaire: boolean;
  om_collectivite: number | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const SWEEP_AFTER_HOURS = 24;

export const isFileId = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);

const toStored = (row: FileRow): StoredFile => ({
  id: row.om_fichier,
  name: row.nom,
  size: Number(row.taille),
  type: row.type_mime,
  sha256: row.sha256,
  temporary: row.temporaire,
  collectivite: row.om_collectivite === null ? null : Number(row.om_collectivite),
});

export class FileStore {
  constructor(
    private readonly db: Db,
    /** The folder of the contents: `<data dir>/fichiers`. */
    readonly root: string,
  ) {}

  /** Where a file's content lives: `ab/abcd/<uuid>` under the root (openMairie's layout). */
  pathOf(id: string): string {
    if (!isFileId(id)) throw new Error(`identifiant de fichier invalide : ${id}`);
    return join(this.root, id.slice(0, 2), id.slice(0, 4), id);
  }

  /**
   * Writes the content and records it as temporary. `collectivite`: the collectivité of the record
   * that will hold it (null for rows shared by every collectivité).
   */
  async stage(actor: Actor, upload: CheckedUpload, collectivite: number | null): Promise<StoredFile> {
    return this.#write(upload, (id, sha256) =>
      writeAs(this.db, actor, (trx) => this.#insertRow(trx, actor, id, upload, sha256, collectivite, true)),
    );
  }

  /**
   * Writes the content and records it as kept in the caller's transaction `trx` (a file an
   * application makes as it writes a record: a stamped scan), so that it is kept if and only if that
   * transaction commits. On the embedded database a second transaction would wait for the caller's
   * own: hence the caller's. After a rollback the caller removes the content with `discardContent`
   * (else it is only an unreferenced file on disk).
   */
  async storeInTransaction(trx: Db, actor: Actor, file: CheckedUpload, collectivite: number | null): Promise<StoredFile> {
    return this.#write(file, (id, sha256) => this.#insertRow(trx, actor, id, file, sha256, collectivite, false));
  }

  /** The content of a file, whole (the caller has checked the actor may read the record holding it). */
  async read(id: string): Promise<Uint8Array> {
    return new Uint8Array(await readFile(this.pathOf(id)));
  }

  /** Removes a content whose row was rolled back (`storeInTransaction`). */
  async discardContent(id: string): Promise<void> {
    await rm(this.pathOf(id), { force: true });
  }

  /** The content on disk first (written whole, then renamed), then its row; a failed row removes the content. */
  async #write(file: CheckedUpload, record: (id: string, sha256: string) => Promise<StoredFile>): Promise<StoredFile> {
    const id = randomUUID();
    const path = this.pathOf(id);
    await mkdir(dirname(path), { recursive: true });
    const partial = `${path}.partiel`;
    await writeFile(partial, file.bytes, { flag: 'wx' });
    await rename(partial, path);
    const sha256 = createHash('sha256').update(file.bytes).digest('hex');
    try {
      return await record(id, sha256);
    } catch (error) {
      await rm(path, { force: true });
      throw error;
    }
  }

  async #insertRow(trx: Db, actor: Actor, id: string, file: CheckedUpload, sha256: string, collectivite: number | null, temporary: boolean): Promise<StoredFile> {
    const row = (
      await sql<FileRow>`insert into om.om_fichier (om_fichier, nom, taille, type_mime, sha256, om_collectivite, cree_par, temporaire)
        values (${id}, ${file.name}, ${file.bytes.byteLength}, ${file.type}, ${sha256}, ${collectivite},
                ${isSystem(actor) ? null : actor.userId}, ${temporary})
        returning *`.execute(trx)
    ).rows[0];
    if (!row) throw new Error('om_fichier: insertion sans résultat');
    return toStored(row);
  }

  /** The record holding the file was saved: the file is kept, under the record's collectivité. */
  async commit(actor: Actor, id: string, collectivite: number | null): Promise<void> {
    await writeAs(this.db, actor, (trx) =>
      sql`update om.om_fichier set temporaire = false, om_collectivite = ${collectivite} where om_fichier = ${id}`.execute(trx),
    );
  }

  /** Removes a file (metadata and content): a failed save's upload, or a replaced file. */
  async remove(actor: Actor, id: string): Promise<void> {
    if (!isFileId(id)) return;
    await writeAs(this.db, actor, (trx) => sql`delete from om.om_fichier where om_fichier = ${id}`.execute(trx));
    await rm(this.pathOf(id), { force: true });
  }

  /** The metadata of files the actor may see, by id (unknown ids are left out). */
  async describe(actor: Actor, ids: readonly string[]): Promise<Map<string, StoredFile>> {
    const wanted = [...new Set(ids.filter(isFileId))];
    if (wanted.length === 0) return new Map();
    const rows = await readAs(this.db, actor, async (connection) =>
      (await sql<FileRow>`select * from om.om_fichier where om_fichier in (${sql.join(wanted)})`.execute(connection)).rows,
    );
    return new Map(rows.map((row) => [row.om_fichier, toStored(row)]));
  }

  /** The content as a stream (the caller has checked the actor may read the record holding it). */
  open(id: string): ReadableStream<Uint8Array> {
    return Readable.toWeb(createReadStream(this.pathOf(id))) as ReadableStream<Uint8Array>;
  }

  /** Removes the temporary files older than a day (a treatment that never finished). */
  async sweep(olderThanHours = SWEEP_AFTER_HOURS): Promise<number> {
    const rows = await writeAs(this.db, SYSTEM_ACTOR, async (trx) =>
      (
        await sql<{ om_fichier: string }>`delete from om.om_fichier
          where temporaire and cree_le < now() - make_interval(hours => ${olderThanHours}) returning om_fichier`.execute(trx)
      ).rows,
    );
    for (const row of rows) await rm(this.pathOf(row.om_fichier), { force: true });
    return rows.length;
  }
}

/**
 * Inside a treatment's transaction: files its records let go become temporary, so that they are
 * removed (`remove`) once it commits, or by the sweep if that removal never happens; a rollback
 * keeps them.
 */
export async function markTemporary(trx: Transaction<Schema>, ids: readonly string[]): Promise<void> {
  const wanted = [...new Set(ids.filter(isFileId))];
  if (wanted.length === 0) return;
  await sql`update om.om_fichier set temporaire = true where om_fichier in (${sql.join(wanted)})`.execute(trx);
}

/** The store of an instance: `<COMMUN_DATA_DIR>/fichiers`. */
export function fileStoreOf(runtime: { readonly db: { readonly kysely: Db }; readonly config: { readonly dataDir: string } }): FileStore {
  return new FileStore(runtime.db.kysely, join(runtime.config.dataDir, 'fichiers'));
}
