/**
 * Bytes an application makes from a waiting scan (the stamped PDF): read the original from the
 * store, and keep the new file with the record that holds it, in the caller's transaction (on the
 * embedded database a second transaction would wait for the caller's own). The content is written
 * to disk first, then its row inserted as kept in that transaction: a rollback removes the row, and
 * the caller removes the content with `discardStoredContent` (else it is only an unreferenced file).
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { sql } from 'kysely';
import { isSystem, type Actor } from '../../access/actor.ts';
import type { Db } from '../../db/connection.ts';
import type { CheckedUpload } from '../check.ts';
import { fileStoreOf, type StoredFile } from '../store.ts';
import type { IntakeRuntime } from './waiting-files.ts';

/** The content of a stored file (a waiting scan's original), whole: scans are 30 Mo at most. */
export async function readStoredFile(runtime: IntakeRuntime, fileId: string): Promise<Uint8Array> {
  return new Uint8Array(await readFile(fileStoreOf(runtime).pathOf(fileId)));
}

/** Stores `file` for the actor, kept (not temporary) once the caller's transaction `trx` commits. */
export async function storeFileInTransaction(
  runtime: IntakeRuntime,
  actor: Actor,
  trx: Db,
  file: CheckedUpload,
  collectivite: number | null = actor.workingCollectivite,
): Promise<StoredFile> {
  const id = randomUUID();
  const path = fileStoreOf(runtime).pathOf(id);
  await mkdir(dirname(path), { recursive: true });
  const partial = `${path}.partiel`;
  await writeFile(partial, file.bytes, { flag: 'wx' });
  await rename(partial, path);
  const sha256 = createHash('sha256').update(file.bytes).digest('hex');
  try {
    await sql`insert into om.om_fichier (om_fichier, nom, taille, type_mime, sha256, om_collectivite, cree_par, temporaire)
      values (${id}, ${file.name}, ${file.bytes.byteLength}, ${file.type}, ${sha256}, ${collectivite}, ${isSystem(actor) ? null : actor.userId}, false)`.execute(trx);
  } catch (error) {
    await rm(path, { force: true });
    throw error;
  }
  return { id, name: file.name, size: file.bytes.byteLength, type: file.type, sha256, temporary: false, collectivite };
}

/** After a rolled-back transaction: removes the content `storeFileInTransaction` wrote. */
export async function discardStoredContent(runtime: IntakeRuntime, fileId: string): Promise<void> {
  await rm(fileStoreOf(runtime).pathOf(fileId), { force: true });
}
