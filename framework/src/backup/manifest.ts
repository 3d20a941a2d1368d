/**
 * `manifeste.json`, the first entry of every backup archive: what it holds and how to check it.
 * Read back before anything is restored: a newer format, or an archive of another kind of
 * database than the target, is refused with a message of the catalogue.
 */
import { z } from 'zod';
import { backupMessage } from './messages.ts';

export const MANIFEST_NAME = 'manifeste.json';
export const FORMAT_VERSION = 1;

/** Where the database lies in the archive: PGlite's data folder, or pg_dump's custom format. */
export const EMBEDDED_PREFIX = 'base-de-donnees/pgdata/';
export const SERVER_DUMP = 'base-de-donnees/commun.dump';
export const FILES_PREFIX = 'fichiers/';

const manifestSchema = z.object({
  format: z.number().int(),
  versionCommun: z.string(),
  date: z.string(),
  base: z.enum(['embarquee', 'serveur']),
  applications: z.array(z.object({ nom: z.string(), migrations: z.array(z.string()) })),
  /** Rows per table, `schema.table`, as the snapshot saw them. */
  lignes: z.record(z.string(), z.number().int().nonnegative()),
  /** SHA-256 of every entry of the archive but the manifest (database files and stored files). */
  empreintes: z.record(z.string(), z.string().regex(/^[0-9a-f]{64}$/)),
  /** Files referenced by `om.om_fichier` whose content was already gone when they were copied. */
  fichiersAbsents: z.array(z.string()),
  /** Database roles the dump grants rights to (created on restore when missing). */
  roles: z.array(z.string()),
});

export type Manifest = z.infer<typeof manifestSchema>;

export class ManifestRefused extends Error {}

export function parseManifest(text: string): Manifest {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ManifestRefused(backupMessage('manifest.unreadable'));
  }
  const format = (json as { format?: unknown } | null)?.format;
  if (typeof format === 'number' && format > FORMAT_VERSION) {
    throw new ManifestRefused(backupMessage('manifest.newer', { format, supported: FORMAT_VERSION }));
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) throw new ManifestRefused(backupMessage('manifest.incomplete'));
  return parsed.data;
}

export const totalRows = (manifest: Pick<Manifest, 'lignes'>) => Object.values(manifest.lignes).reduce((sum, count) => sum + count, 0);
