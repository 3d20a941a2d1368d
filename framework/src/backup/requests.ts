/**
 * The local channel between `commun backup` and the server that holds the embedded data folder.
 * The command writes a request file into `<data dir>/sauvegardes/demandes/`; the server (backup
 * service) takes it within a second, makes the backup with its own connection, and writes the
 * answer beside it. Nothing listens on the network: whoever may write into the data folder may
 * already read the whole database, so the folder's permissions are the authentication.
 * The request names no path: the archive is always written in `sauvegardes/`, and the command
 * copies it where it was asked to.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { requestsFolder } from './folders.ts';

const REQUEST = /^([0-9a-f-]{36})\.demande\.json$/;
const answerName = (id: string) => `${id}.reponse.json`;

export type BackupAnswer =
  | { readonly ok: true; readonly archive: string; readonly lignes: number; readonly fichiers: number }
  | { readonly ok: false; readonly erreur: string };

async function writeAtomically(path: string, content: string): Promise<void> {
  await writeFile(`${path}.partiel`, content, { flag: 'w' });
  await rename(`${path}.partiel`, path);
}

/**
 * The command's side: asks, then waits for the answer (polling). A request nobody takes within
 * `pickupMs` is withdrawn (undefined); once taken, the answer is awaited as long as the backup lasts.
 */
export async function askServer(dataDir: string, options: { pickupMs: number; pollMs?: number }): Promise<BackupAnswer | undefined> {
  const folder = requestsFolder(dataDir);
  await mkdir(folder, { recursive: true });
  const id = randomUUID();
  const request = join(folder, `${id}.demande.json`);
  await writeAtomically(request, `${JSON.stringify({ id, demandeLe: new Date().toISOString(), pid: process.pid })}\n`);
  const deadline = Date.now() + options.pickupMs;
  const answer = join(folder, answerName(id));
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 200));
    try {
      const text = await readFile(answer, 'utf8');
      await rm(answer, { force: true });
      return JSON.parse(text) as BackupAnswer;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    if (Date.now() > deadline && existsSync(request)) {
      // Not taken: withdrawn, so that a server starting later does not make a backup nobody waits for.
      await rm(request, { force: true });
      return undefined;
    }
  }
}

/** The server's side: takes the waiting requests one by one (renamed first: taken once). */
export async function serveRequests(dataDir: string, make: () => Promise<BackupAnswer>): Promise<number> {
  const folder = requestsFolder(dataDir);
  let names: string[];
  try {
    names = await readdir(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw error;
  }
  let served = 0;
  for (const name of names) {
    const id = REQUEST.exec(name)?.[1];
    if (!id) continue;
    const taken = join(folder, `${id}.en-cours.json`);
    try {
      await rename(join(folder, name), taken);
    } catch {
      continue; // withdrawn meanwhile
    }
    const answer = await make();
    await writeAtomically(join(folder, answerName(id)), `${JSON.stringify(answer)}\n`);
    await rm(taken, { force: true });
    served += 1;
  }
  return served;
}
