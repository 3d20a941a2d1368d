/**
 * Reference data an application loads after its migrations: data too large or too external for
 * an SQL migration (every French commune from a package). Each referential declares a version; the
 * framework keeps the loaded version in `om.om_referentiel` and loads again only when it differs
 * (or when `commun referentiels` asks), so that a start with everything loaded costs one query.
 */
import { sql } from 'kysely';
import type { Db } from '../db/connection.ts';

export interface Referential {
  /** Its name, unique in the application (`decoupage-administratif`). */
  readonly name: string;
  /**
   * What `load` writes: the source's version, plus the loader's own when its rules change. Another
   * version than the one stored loads the referential again.
   */
  readonly version: string;
  /**
   * Writes the data as the owner of the database, inside the transaction it is given, and returns
   * the number of rows written. It runs again on a new version and on `commun referentiels`, over
   * rows other tables may reference: it updates and inserts, it does not delete.
   */
  load(trx: Db): Promise<number>;
}

/** What an application declares: its referentials, under its name. */
export interface ReferentialOwner {
  readonly name: string;
  readonly referentials?: readonly Referential[];
}

export interface LoadedReferential {
  readonly application: string;
  readonly name: string;
  readonly version: string;
  readonly rows: number;
  readonly ms: number;
}

export interface LoadOptions {
  /** Load even when the stored version is the declared one (`commun referentiels`). */
  readonly force?: boolean;
  /** Only this application's referentials. */
  readonly application?: string;
}

async function storedVersion(db: Db, application: string, name: string): Promise<string | undefined> {
  const { rows } = await sql<{ version: string }>`
    select version from om.om_referentiel where application = ${application} and nom = ${name}`.execute(db);
  return rows[0]?.version;
}

/** Loads the referentials whose stored version is not the declared one (every one with `force`). */
export async function loadReferentials(db: Db, owners: readonly ReferentialOwner[], options: LoadOptions = {}): Promise<LoadedReferential[]> {
  const loaded: LoadedReferential[] = [];
  for (const owner of owners) {
    if (options.application !== undefined && owner.name !== options.application) continue;
    for (const referential of owner.referentials ?? []) {
      if (!options.force && (await storedVersion(db, owner.name, referential.name)) === referential.version) continue;
      const started = Date.now();
      const rows = await db.transaction().execute(async (trx) => {
        // Two processes starting at once: the second waits, then finds the version stored.
        await sql`select pg_advisory_xact_lock(7413203)`.execute(trx);
        if (!options.force && (await storedVersion(trx, owner.name, referential.name)) === referential.version) return undefined;
        const written = await referential.load(trx);
        await sql`insert into om.om_referentiel (application, nom, version, lignes)
          values (${owner.name}, ${referential.name}, ${referential.version}, ${written})
          on conflict (application, nom) do update set version = excluded.version, lignes = excluded.lignes, charge_le = now()`.execute(trx);
        return written;
      });
      if (rows !== undefined) loaded.push({ application: owner.name, name: referential.name, version: referential.version, rows, ms: Date.now() - started });
    }
  }
  return loaded;
}
export { upsertRows, type UpsertTarget } from './upsert.ts';
