/**
 * A collectivité's identité visuelle as stored: its name (`om_collectivite.libelle`), its accent
 * colour (`om_identite_visuelle`) and its logo (the active `om_logo` of code « logo », the one
 * its documents print by default). Read under the reader's row-level security: an agent sees only
 * his collectivité's, a niveau-2 user every one. Written by the framework after the caller has
 * checked `mayEditBranding`, in one transaction with its audit entry.
 */
import { join } from 'node:path';
import { sql } from 'kysely';
import type { Actor } from '../access/actor.ts';
import { allows } from '../access/permissions.ts';
import type { Db, Row } from '../db/connection.ts';
import { readAs, writeAs } from '../db/tenant-context.ts';
import { BRANDING_LOGO_CODE } from '../documents/logos/index.ts';
import { FileStore, isFileId, type CheckedUpload } from '../files/index.ts';
import type { Registry } from '../model/registry.ts';
import { writeAudit } from '../records/audit.ts';

export interface Branding {
  readonly collectivite: number;
  /** The name shown (`om_collectivite.libelle`). */
  readonly name: string;
  /** `#rrggbb`; undefined: the default look. */
  readonly colour: string | undefined;
  /** The file of its logo; undefined: none. */
  readonly logo: string | undefined;
}

/** What writing needs of the runtime. */
export interface BrandingRuntime {
  readonly db: { readonly kysely: Db };
  readonly registry: Registry;
  readonly config: { readonly dataDir: string };
}

/** The permission that administers collectivités: its holder edits his own; at niveau 2, any. */
export const BRANDING_PERMISSION = 'om_collectivite';

export function mayEditBranding(actor: Actor, collectivite: number): boolean {
  if (!allows(actor, BRANDING_PERMISSION, 'modifier')) return false;
  return actor.niveau === '2' || collectivite === actor.collectivite;
}

interface BrandingRow {
  collectivite: number;
  name: string;
  colour: string | null;
  logo: string | null;
}

/** One collectivité's branding, on a connection already scoped to its reader; undefined when not visible. */
export async function brandingIn(connection: Db, collectivite: number): Promise<Branding | undefined> {
  const rows = (
    await sql<BrandingRow>`select c.om_collectivite as collectivite, c.libelle as name, v.couleur as colour,
        (select l.fichier from om.om_logo l where l.om_collectivite = c.om_collectivite and l.id = ${BRANDING_LOGO_CODE} and l.actif is true
          order by l.om_logo limit 1) as logo
      from om.om_collectivite c left join om.om_identite_visuelle v on v.om_collectivite = c.om_collectivite
      where c.om_collectivite = ${collectivite}`.execute(connection)
  ).rows;
  const row = rows[0];
  if (!row) return undefined;
  return { collectivite: Number(row.collectivite), name: row.name, colour: row.colour ?? undefined, logo: isFileId(row.logo) ? row.logo : undefined };
}

export function readBranding(db: Db, actor: Actor, collectivite: number): Promise<Branding | undefined> {
  return readAs(db, actor, (connection) => brandingIn(connection, collectivite));
}

function registered(runtime: BrandingRuntime, name: string) {
  const object = runtime.registry.get('om', name);
  if (!object) throw new Error(`objet om.${name} absent du registre`);
  return object;
}

/** Sets (or, with null, removes: the default look) the accent colour, checked by the caller. */
export async function saveColour(runtime: BrandingRuntime, actor: Actor, collectivite: number, colour: string | null, requestId?: string): Promise<void> {
  await writeAs(runtime.db.kysely, actor, async (trx) => {
    const before = (await sql<{ couleur: string }>`select couleur from om.om_identite_visuelle where om_collectivite = ${collectivite} for update`.execute(trx)).rows[0];
    if ((before?.couleur ?? null) === colour) return;
    if (colour === null) await sql`delete from om.om_identite_visuelle where om_collectivite = ${collectivite}`.execute(trx);
    else
      await sql`insert into om.om_identite_visuelle (om_collectivite, couleur, modifie_par) values (${collectivite}, ${colour}, ${actor.login})
        on conflict (om_collectivite) do update set couleur = excluded.couleur, modifie_le = now(), modifie_par = excluded.modifie_par`.execute(trx);
    // An update of the collectivité in the journal: its colour before and after.
    await writeAudit(trx, {
      actor,
      object: registered(runtime, 'om_collectivite'),
      action: 'update',
      key: collectivite,
      before: { om_collectivite: collectivite, couleur: before?.couleur ?? null },
      after: { om_collectivite: collectivite, couleur: colour },
      requestId,
    });
  });
}

const storeOf = (runtime: BrandingRuntime) => new FileStore(runtime.db.kysely, join(runtime.config.dataDir, 'fichiers'));

/**
 * Makes `upload` (checked by `checkLogo`) the collectivité's logo: its `om_logo` of code « logo »
 * gets the new file (created when there is none), and the replaced file is removed.
 */
export async function saveLogo(runtime: BrandingRuntime, actor: Actor, collectivite: number, upload: CheckedUpload, libelle: string, requestId?: string): Promise<void> {
  const store = storeOf(runtime);
  const file = await store.stage(actor, upload, collectivite);
  let replaced: string | undefined;
  try {
    replaced = await writeAs(runtime.db.kysely, actor, async (trx) => {
      const existing = (
        await sql<Row & { om_logo: number; fichier: string }>`select * from om.om_logo where id = ${BRANDING_LOGO_CODE} and om_collectivite = ${collectivite}
          order by actif is true desc, om_logo limit 1 for update`.execute(trx)
      ).rows[0];
      const after = existing
        ? (await sql<Row>`update om.om_logo set fichier = ${file.id}, actif = true where om_logo = ${existing.om_logo} returning *`.execute(trx)).rows[0]
        : (
            await sql<Row>`insert into om.om_logo (id, libelle, description, fichier, actif, om_collectivite)
              values (${BRANDING_LOGO_CODE}, ${libelle}, ${'Identité visuelle'}, ${file.id}, true, ${collectivite}) returning *`.execute(trx)
          ).rows[0];
      await sql`update om.om_fichier set temporaire = false, om_collectivite = ${collectivite} where om_fichier = ${file.id}`.execute(trx);
      await writeAudit(trx, { actor, object: registered(runtime, 'om_logo'), action: existing ? 'update' : 'create', key: after?.om_logo, before: existing, after, requestId });
      return existing?.fichier;
    });
  } catch (error) {
    await store.remove(actor, file.id);
    throw error;
  }
  if (replaced && replaced !== file.id) await store.remove(actor, replaced);
}

/** Removes the collectivité's logo (every `om_logo` of code « logo » it has) and its files. */
export async function removeLogo(runtime: BrandingRuntime, actor: Actor, collectivite: number, requestId?: string): Promise<void> {
  const removed = await writeAs(runtime.db.kysely, actor, async (trx) => {
    const rows = (
      await sql<Row & { om_logo: number; fichier: string }>`delete from om.om_logo where id = ${BRANDING_LOGO_CODE} and om_collectivite = ${collectivite} returning *`.execute(trx)
    ).rows;
    for (const row of rows) await writeAudit(trx, { actor, object: registered(runtime, 'om_logo'), action: 'delete', key: row.om_logo, before: row, after: undefined, requestId });
    return rows.map((row) => row.fichier);
  });
  const store = storeOf(runtime);
  for (const id of removed) await store.remove(actor, id);
}
