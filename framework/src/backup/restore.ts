/**
 * Restores an archive into an empty data folder (and, for a server's archive, an empty database):
 * the manifest is read first and checked; every entry is written while its SHA-256 is computed and
 * compared with the manifest's, so that a damaged file is named; then the database is restored
 * (the embedded one's files are already in place; `pg_restore` for the server) and its row counts
 * compared with the manifest's. Nothing is ever overwritten: a folder or database that is not empty
 * is refused before anything is written, and a failed restore removes what it wrote.
 */
import { createHash } from 'node:crypto';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { dirname, join, resolve } from 'node:path';
import { sql } from 'kysely';
import { openDatabase } from '../db/connection.ts';
import { countRows, listTables } from './counts.ts';
import { EMBEDDED_PREFIX, FILES_PREFIX, MANIFEST_NAME, ManifestRefused, parseManifest, SERVER_DUMP, totalRows, type Manifest } from './manifest.ts';
import { backupMessage } from './messages.ts';
import { findTool, runTool } from './pg-tools.ts';
import { ownerDb } from './server-snapshot.ts';
import { ArchiveDamaged, readTarGz, type TarEntry } from './tar.ts';

export class RestoreRefused extends Error {}

export interface RestoreRequest {
  readonly archive: string;
  /** The data folder to fill (created when missing; refused when not empty). */
  readonly dataDir: string;
  /** A server database (empty) for a server's archive. */
  readonly url?: string | undefined;
  readonly report?: (message: string) => void;
}

export interface RestoreReport {
  readonly manifest: Manifest;
  /** Rows found per table after the restore (equal to the manifest's, or the restore fails). */
  readonly lignes: Record<string, number>;
  readonly fichiers: number;
}

const DUMP_FILE = '.restauration-commun.dump';

async function refuseNonEmptyFolder(folder: string): Promise<void> {
  if (!existsSync(folder)) return;
  if (!(await stat(folder)).isDirectory()) throw new RestoreRefused(backupMessage('restore.notAFolder', { folder }));
  if ((await readdir(folder)).length > 0) {
    throw new RestoreRefused(backupMessage('restore.folderNotEmpty', { folder }));
  }
}

const databaseName = (url: string) => decodeURIComponent(new URL(url).pathname.replace(/^\//, '')) || url;

async function refuseNonEmptyDatabase(url: string): Promise<void> {
  const db = ownerDb(url);
  try {
    const tables = await listTables(db);
    const others = await sql<{ count: number | string }>`
      select count(*) as count from pg_namespace n
       where n.nspname not in ('public', 'information_schema') and n.nspname not like 'pg\_%'`.execute(db);
    if (tables.length > 0 || Number(others.rows[0]?.count ?? 0) > 0) {
      throw new RestoreRefused(backupMessage('restore.databaseNotEmpty', { name: databaseName(url) }));
    }
  } catch (error) {
    if (error instanceof RestoreRefused) throw error;
    if (error instanceof ManifestRefused) throw new RestoreRefused(error.message);
    throw new RestoreRefused(backupMessage('restore.databaseUnreachable', { name: databaseName(url), reason: (error as Error).message }));
  } finally {
    await db.destroy();
  }
}

/** Where an entry of the archive goes, or undefined for an entry the restore does not know. */
function destinationOf(entry: string, manifest: Manifest, dataDir: string): string | undefined {
  if (entry.split('/').some((segment) => segment === '..' || segment === '') || entry.startsWith('/')) return undefined;
  if (manifest.base === 'embarquee' && entry.startsWith(EMBEDDED_PREFIX)) return join(dataDir, entry.slice(EMBEDDED_PREFIX.length));
  if (manifest.base === 'serveur' && entry === SERVER_DUMP) return join(dataDir, DUMP_FILE);
  if (entry.startsWith(FILES_PREFIX)) return join(dataDir, entry);
  return undefined;
}

async function writeEntry(entry: TarEntry, target: string): Promise<string> {
  await mkdir(dirname(target), { recursive: true });
  const out = createWriteStream(target, { flags: 'wx' });
  const hash = createHash('sha256');
  try {
    for await (const chunk of entry.body) {
      hash.update(chunk);
      if (!out.write(chunk)) await once(out, 'drain');
    }
    out.end();
    await finished(out);
  } catch (error) {
    // Writes still pending fail once the stream is destroyed: the entry's own error is the one to report.
    out.on('error', () => undefined);
    out.destroy();
    await finished(out).catch(() => undefined);
    throw error;
  }
  return hash.digest('hex');
}

async function readManifest(entries: AsyncIterator<TarEntry>): Promise<Manifest> {
  const first = await entries.next();
  if (first.done || first.value.path !== MANIFEST_NAME) {
    throw new RestoreRefused(backupMessage('restore.noManifest'));
  }
  const chunks: Buffer[] = [];
  for await (const chunk of first.value.body) chunks.push(chunk);
  return parseManifest(Buffer.concat(chunks).toString('utf8'));
}

/** Writes every entry, checking each one's SHA-256; throws, naming every damaged or missing entry. */
async function extract(entries: AsyncIterator<TarEntry>, manifest: Manifest, dataDir: string): Promise<number> {
  const seen = new Set<string>();
  const damaged: string[] = [];
  let files = 0;
  for (let next = await entries.next(); !next.done; next = await entries.next()) {
    const entry = next.value;
    if (entry.type === 'folder') {
      // The database's folders, empty ones included (PostgreSQL needs them).
      const folder = entry.path.startsWith(EMBEDDED_PREFIX) ? destinationOf(entry.path, manifest, dataDir) : undefined;
      if (folder) await mkdir(folder, { recursive: true });
      continue;
    }
    const expected = manifest.empreintes[entry.path];
    const target = destinationOf(entry.path, manifest, dataDir);
    if (!expected || !target) throw new RestoreRefused(backupMessage('restore.undescribed', { path: entry.path }));
    seen.add(entry.path);
    if ((await writeEntry(entry, target)) !== expected) damaged.push(entry.path);
    if (entry.path.startsWith(FILES_PREFIX)) files += 1;
  }
  const absent = Object.keys(manifest.empreintes).filter((path) => !seen.has(path));
  if (damaged.length > 0 || absent.length > 0) {
    const quoted = (paths: string[]) => paths.map((path) => backupMessage('restore.quoted', { path })).join(', ');
    const problems = [
      ...(damaged.length > 0 ? [backupMessage('restore.wrongHash', { paths: quoted(damaged) })] : []),
      ...(absent.length > 0 ? [backupMessage('restore.missingEntries', { paths: quoted(absent) })] : []),
    ];
    throw new RestoreRefused(backupMessage('restore.damaged', { problems: problems.join(' ; ') }));
  }
  return files;
}

async function restoreServer(url: string, dump: string, roles: readonly string[]): Promise<void> {
  const pgRestore = findTool('pg_restore');
  const db = ownerDb(url);
  try {
    // Roles belong to the server, not to the dump: the rights it grants need them.
    for (const role of roles) {
      await sql`do $$ begin if not exists (select from pg_roles where rolname = ${sql.lit(role)}) then execute format('create role %I nologin', ${sql.lit(role)}); end if; end $$`.execute(db);
    }
    if (roles.includes('commun_app') && roles.includes('commun_lecture')) await sql`grant commun_lecture to commun_app`.execute(db);
  } finally {
    await db.destroy();
  }
  await runTool(pgRestore, ['--no-owner', '--exit-on-error', '--single-transaction', '--no-password', `--dbname=${url}`, dump]);
}

async function countRestored(dataDir: string, url: string | undefined): Promise<Record<string, number>> {
  if (url) {
    const db = ownerDb(url);
    try {
      return await countRows(db);
    } finally {
      await db.destroy();
    }
  }
  const owner = await openDatabase({ dataDir });
  try {
    return await countRows(owner.kysely);
  } finally {
    await owner.close();
  }
}

function compareCounts(expected: Record<string, number>, found: Record<string, number>): string[] {
  const tables = [...new Set([...Object.keys(expected), ...Object.keys(found)])].sort();
  return tables
    .filter((table) => expected[table] !== found[table])
    .map((table) =>
      backupMessage('restore.countDifference', {
        table,
        expected: expected[table] ?? backupMessage('restore.missingTable'),
        found: found[table] ?? backupMessage('restore.missingTable'),
      }),
    );
}

export async function restoreBackup(request: RestoreRequest): Promise<RestoreReport> {
  const dataDir = resolve(request.dataDir);
  const report = request.report ?? (() => undefined);
  if (!existsSync(request.archive)) throw new RestoreRefused(backupMessage('restore.archiveNotFound', { archive: request.archive }));
  await refuseNonEmptyFolder(dataDir);
  const entries = readTarGz(request.archive)[Symbol.asyncIterator]();
  let created = false;
  try {
    const manifest = await readManifest(entries);
    if (manifest.base === 'serveur' && !request.url) {
      throw new RestoreRefused(backupMessage('restore.serverNeedsUrl'));
    }
    if (manifest.base === 'embarquee' && request.url) {
      throw new RestoreRefused(backupMessage('restore.embeddedNeedsFolder'));
    }
    if (request.url) await refuseNonEmptyDatabase(request.url);
    await mkdir(dataDir, { recursive: true });
    created = true;
    report(
      backupMessage('restore.summary', {
        date: manifest.date,
        version: manifest.versionCommun,
        rows: totalRows(manifest),
        files: Object.keys(manifest.empreintes).length,
      }),
    );
    const files = await extract(entries, manifest, dataDir);
    if (request.url) {
      report(backupMessage('restore.pgRestore'));
      await restoreServer(request.url, join(dataDir, DUMP_FILE), manifest.roles);
      await rm(join(dataDir, DUMP_FILE), { force: true });
    }
    const lignes = await countRestored(dataDir, request.url);
    const differences = compareCounts(manifest.lignes, lignes);
    if (differences.length > 0) {
      throw new RestoreRefused(backupMessage('restore.countsDiffer', { differences: differences.join(' ; ') }));
    }
    return { manifest, lignes, fichiers: files };
  } catch (error) {
    await entries.return?.(undefined);
    // The folder was empty: what is in it now is this restore's.
    if (created) for (const name of await readdir(dataDir).catch(() => [] as string[])) await rm(join(dataDir, name), { recursive: true, force: true });
    if (error instanceof RestoreRefused) throw error;
    if (error instanceof ManifestRefused) throw new RestoreRefused(error.message);
    if (error instanceof ArchiveDamaged) throw new RestoreRefused(backupMessage('restore.damagedOrTruncated', { detail: error.message }));
    throw error;
  }
}
