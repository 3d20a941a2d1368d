/**
 * Reading a stored file's content from the mail registry's code (the letter sent by e-mail, an
 * archived dossier's documents). The metadata is read as the user (row-level security of
 * `om.om_fichier`), in the caller's transaction; the content comes from the instance's file store
 * (an action's `files`, a route's `fileStore`).
 */
import { sql } from 'kysely';
import type { Db } from '../../../../framework/src/db/connection.ts';
import type { FileStore } from '../../../../framework/src/files/index.ts';
import { isFileId } from '../../../../framework/src/files/index.ts';

/** What this code needs of the file store: the content of a file by its id. */
export type LecteurFichiers = Pick<FileStore, 'open'>;

export interface FichierLu {
  readonly nom: string;
  readonly type: string;
  readonly octets: Buffer;
}

/** A kept (not temporary) file the user may see, with its content; undefined when it is not there. */
export async function lireFichier(db: Db, lecteur: LecteurFichiers, id: string): Promise<FichierLu | undefined> {
  if (!isFileId(id)) return undefined;
  const { rows } = await sql<{ nom: string; type_mime: string }>`
    select nom, type_mime from om.om_fichier where om_fichier = ${id} and not temporaire`.execute(db);
  const meta = rows[0];
  if (!meta) return undefined;
  try {
    const chunks: Uint8Array[] = [];
    const reader = lecteur.open(id).getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
    }
    return { nom: meta.nom, type: meta.type_mime, octets: Buffer.concat(chunks) };
  } catch {
    // The content is missing from the disk (restored database without its files).
    return undefined;
  }
}
